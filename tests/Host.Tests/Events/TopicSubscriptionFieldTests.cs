using System.Threading.Channels;
using CertifyTrack.Host.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>A module's subscription field streams a topic (StreamTopic), as the WebSocket transport will run it.</summary>
public sealed class TopicSubscriptionFieldTests
{
    [Fact]
    public async Task A_subscription_field_yields_one_result_per_message_of_its_topic()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = await BusTest.StartAsync(database, createTable: false);
        var ct = TestContext.Current.CancellationToken;
        var result = await app.Services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = """subscription { noteFeed(feed: "f1") { text } }""",
            RequestServices = app.Services,
            CancellationToken = ct,
        });
        Assert.Null(result.Errors);
        var results = Channel.CreateUnbounded<ExecutionResult>();
        using var subscription = result.Streams!["noteFeed"].Subscribe(new ChannelObserver(results.Writer));

        await app.Bus().PublishNowAsync(BusTest.Feed("f2"), new NoteMessage("other feed"), ct);
        await app.Bus().PublishNowAsync(BusTest.Feed("f1"), new NoteMessage("hello"), ct);

        var first = await results.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(15), ct);
        var json = app.Services.GetRequiredService<IGraphQLTextSerializer>().Serialize(first);
        Assert.Equal("""{"data":{"noteFeed":{"text":"hello"}}}""", json);
    }

    private sealed class ChannelObserver(ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => writer.TryWrite(value);

        public void OnCompleted() => writer.TryComplete();

        public void OnError(Exception error) => writer.TryComplete(error);
    }
}
