using System.Threading.Channels;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>One instance (SQLite): publish and subscribe within the process.</summary>
public sealed class InMemoryEventBusTests
{
    [Fact]
    public async Task Every_subscriber_of_a_topic_gets_each_message_in_order_and_other_topics_get_none()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = await BusTest.StartAsync(database, createTable: false);
        var bus = app.Bus();
        var observed = new Recorder<NoteMessage>();
        using var observation = bus.Observe(BusTest.Feed("a")).Subscribe(observed);
        await using var enumerated = new TopicProbe<NoteMessage>(bus, BusTest.Feed("a"));
        await using var other = new TopicProbe<NoteMessage>(bus, BusTest.Feed("b"));

        await bus.PublishNowAsync(BusTest.Feed("a"), new NoteMessage("1"), TestContext.Current.CancellationToken);
        await bus.PublishNowAsync(BusTest.Feed("a"), new NoteMessage("2"), TestContext.Current.CancellationToken);

        Assert.Equal("1", (await enumerated.NextAsync()).Text);
        Assert.Equal("2", (await enumerated.NextAsync()).Text);
        Assert.Equal("1", (await observed.NextAsync()).Text);
        Assert.Equal("2", (await observed.NextAsync()).Text);
        Assert.False(other.HasMessage);
    }

    [Fact]
    public async Task A_message_too_large_for_a_NOTIFY_is_refused_on_every_provider()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = await BusTest.StartAsync(database);
        await using var db = app.Notes();
        var large = new NoteMessage(new string('x', Topic<NoteMessage>.MaxPayloadBytes));

        var error = Assert.Throws<ArgumentException>(() => app.Bus().PublishAfterCommit(db, BusTest.Feed("a"), large));
        await Assert.ThrowsAsync<ArgumentException>(() => app.Bus().PublishNowAsync(BusTest.Feed("a"), large, TestContext.Current.CancellationToken));

        Assert.Contains("at most 7000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DbContext_not_registered_as_a_module_context_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = await BusTest.StartAsync(database, createTable: false);
        var options = new DbContextOptionsBuilder<NotesSqliteDbContext>().UseSqlite(database.ConnectionString).Options;
        await using var unregistered = new NotesSqliteDbContext(options);

        var error = Assert.Throws<InvalidOperationException>(() => app.Bus().PublishAfterCommit(unregistered, new NoteAdded("x")));

        Assert.Contains("AddModuleDbContext", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_host_completes_the_subscriptions()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = await BusTest.StartAsync(database, createTable: false);
        var observed = new Recorder<NoteMessage>();
        using var observation = app.Bus().Observe(BusTest.Feed("a")).Subscribe(observed);

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        await observed.Completed.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
    }

    /// <summary>An observer that queues what it sees.</summary>
    internal sealed class Recorder<T> : IObserver<T>
    {
        private readonly Channel<T> seen = Channel.CreateUnbounded<T>();

        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnNext(T value) => seen.Writer.TryWrite(value);

        public void OnCompleted() => Completed.TrySetResult();

        public void OnError(Exception error) => Completed.TrySetException(error);

        public async Task<T> NextAsync() =>
            await seen.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
    }
}
