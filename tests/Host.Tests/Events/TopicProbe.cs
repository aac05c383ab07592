using CertifyTrack.Shared.Events;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>A subscriber in a test: subscribed on creation, reads messages one by one with a timeout.</summary>
internal sealed class TopicProbe<T> : IAsyncDisposable
    where T : class
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly IAsyncEnumerator<T> messages;
    private Task<bool>? next;

    public TopicProbe(IEventBus bus, Topic<T> topic) =>
        messages = bus.Subscribe(topic).GetAsyncEnumerator(TestContext.Current.CancellationToken);

    /// <summary>
    /// Whether a message is queued now. Delivery writes to the subscriber's queue synchronously,
    /// so right after a call that would have delivered, this is exact, with no waiting.
    /// </summary>
    public bool HasMessage => (next ??= messages.MoveNextAsync().AsTask()).IsCompleted;

    public async Task<T> NextAsync()
    {
        var pending = next ?? messages.MoveNextAsync().AsTask();
        next = null;
        Assert.True(await pending.WaitAsync(Timeout, TestContext.Current.CancellationToken), "The subscription ended.");
        return messages.Current;
    }

    public ValueTask DisposeAsync() => messages.DisposeAsync();
}
