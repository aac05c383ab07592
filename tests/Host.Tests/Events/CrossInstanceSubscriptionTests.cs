using CertifyTrack.Host.Events;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>End to end across two host instances on one PostgreSQL database.</summary>
public sealed class CrossInstanceSubscriptionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_mutation_over_http_on_instance_a_reaches_a_websocket_subscriber_on_instance_b()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var a = await BusTest.StartAsync(database);
        await using var b = await BusTest.StartAsync(database, createTable: false);
        var bUri = b.StartKestrel();
        await b.Services.GetRequiredService<ListenerStatus>().WaitUntilListeningAsync(1, Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
        using var socket = await WebSocketTestClient.ConnectAsync(bUri);
        await socket.InitAsync();
        await socket.SubscribeAsync("s", """subscription { noteFeed(feed: "cross") { text } }""");
        await WaitForSubscriberAsync(b);
        using var http = a.CreateClient();

        var (_, body) = await http.PostGraphQLAsync("""mutation { addNote(feed: "cross", text: "hello from a") }""");

        Assert.Equal("""{"data":{"addNote":"hello from a"}}""", body.ToJson());
        var message = await socket.ReceiveAsync();
        Assert.Equal("next", message["type"]!.GetValue<string>());
        Assert.Equal("""{"noteFeed":{"text":"hello from a"}}""", WebSocketTestClient.Json(message["payload"]!["data"]));
    }

    /// <summary>The subscribe message is handled asynchronously; publish only once B observes the topic.</summary>
    private static async Task WaitForSubscriberAsync(TestApp app)
    {
        var topics = app.Services.GetRequiredService<LocalTopics>();
        for (var i = 0; i < 200 && topics.CountSubscribers(BusTest.Feed("cross").Name) == 0; i++)
        {
            await Task.Delay(50, Ct);
        }
    }
}
