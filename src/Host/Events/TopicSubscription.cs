using System.Text.Json;
using System.Threading.Channels;
using CertifyTrack.Shared.Events;

namespace CertifyTrack.Host.Events;

/// <summary>
/// One subscriber's queue of a topic: registered on creation, so nothing published afterwards is
/// missed; bounded, so a stalled subscriber cannot hold the publisher or memory (it loses the
/// oldest messages instead). Disposing it unsubscribes.
/// </summary>
internal sealed class TopicSubscription<T> : ITopicSubscriber, IAsyncEnumerator<T>
    where T : class
{
    private readonly LocalTopics topics;
    private readonly Channel<T> queue;
    private readonly ILogger logger;
    private readonly CancellationToken cancellationToken;

    public TopicSubscription(LocalTopics topics, Topic<T> topic, int buffer, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(topic);
        this.topics = topics;
        this.logger = logger;
        this.cancellationToken = cancellationToken;
        TopicName = topic.Name;
        queue = Channel.CreateBounded<T>(
            new BoundedChannelOptions(buffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => logger.LogWarning("A subscriber of topic {Topic} falls behind; its oldest message was dropped", TopicName));
        topics.Add(this);
    }

    public string TopicName { get; }

    public T Current { get; private set; } = null!;

    public void Offer(JsonElement message)
    {
        T? value;
        try
        {
            value = message.Deserialize<T>(TopicEnvelope.MessageJson);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            logger.LogError(exception, "A message on topic {Topic} is not a {Type}; skipped", TopicName, typeof(T).Name);
            return;
        }

        if (value is not null)
        {
            queue.Writer.TryWrite(value);
        }
    }

    public void Complete() => queue.Writer.TryComplete();

    public async ValueTask<bool> MoveNextAsync()
    {
        while (await queue.Reader.WaitToReadAsync(cancellationToken))
        {
            if (queue.Reader.TryRead(out var item))
            {
                Current = item;
                return true;
            }
        }

        return false;
    }

    public ValueTask DisposeAsync()
    {
        topics.Remove(this);
        queue.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
