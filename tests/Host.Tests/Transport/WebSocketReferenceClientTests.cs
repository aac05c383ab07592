using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Transport;

/// <summary>The graphql-transport-ws reference client (npm graphql-ws) against the live host.</summary>
public sealed class WebSocketReferenceClientTests
{
    [Fact]
    public async Task The_graphql_ws_client_authenticates_queries_mutates_and_subscribes()
    {
        NodeSuite.RequireInstalled();
        var feed = new TestFeed();
        await using var app = await TestApp.StartAsync(configureServices: s => s.AddWebSocketTestModule(feed).AddTestAuthentication());
        var baseUri = app.StartKestrel();
        var url = new UriBuilder(baseUri) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();

        var run = NodeSuite.RunAsync("ws-client.mjs", TimeSpan.FromMinutes(1), url, TestAuthenticationHandler.Token("42", "student"));
        var subscribed = feed.WaitForObserversAsync(1);
        await Task.WhenAny(run, subscribed);
        if (run.IsCompleted)
        {
            Assert.Fail("The client ended before subscribing: " + await run);
        }

        await subscribed;
        feed.Push("one");
        feed.Push("two");
        feed.Push("three");
        feed.Complete();
        var report = JsonNode.Parse(await run)!.AsObject();

        Assert.Equal("""[{"data":{"wsWhoAmI":"42","wsEcho":"hello"}}]""", report["query"].ToJson());
        Assert.Equal("""[{"data":{"wsIncrement":1}}]""", report["mutation"].ToJson());
        Assert.Equal("""["one","two","three"]""", report["values"].ToJson());
        Assert.Equal(4403, report["forbidden"]?["code"]?.GetValue<int>());
        await feed.WaitForObserversAsync(0);
    }
}
