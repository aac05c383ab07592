using System.Net.WebSockets;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static CertifyTrack.Host.Tests.Infrastructure.WebSocketTestClient;

namespace CertifyTrack.Host.Tests.Transport;

/// <summary>graphql-transport-ws at /graphql, driven by hand with a raw <see cref="ClientWebSocket"/>.</summary>
public sealed class WebSocketProtocolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_query_runs_over_the_socket_then_completes()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed);
        using var client = await ConnectAsync(app.Uri);
        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);
        await client.InitAsync();

        await client.SubscribeAsync("q1", "query Q($t: String!) { wsEcho(text: $t) wsWhoAmI }", new JsonObject { ["t"] = "hi" });

        var next = await client.ReceiveAsync();
        Assert.Equal(("next", "q1"), TypeAndId(next));
        Assert.Equal("""{"data":{"wsEcho":"hi","wsWhoAmI":null}}""", Json(next["payload"]));
        Assert.Equal(("complete", "q1"), TypeAndId(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task A_mutation_runs_over_the_socket()
    {
        await using var app = await StartAsync(new TestFeed());
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();

        await client.SubscribeAsync("m1", "mutation { wsIncrement }");
        await client.SubscribeAsync("m2", "mutation { wsIncrement }");

        var results = new Dictionary<string, string>();
        for (var i = 0; i < 4; i++)
        {
            var message = await client.ReceiveAsync();
            if (message["type"]!.GetValue<string>() == "next")
            {
                results[message["id"]!.GetValue<string>()] = Json(message["payload"]);
            }
        }

        Assert.Equal(["""{"data":{"wsIncrement":1}}""", """{"data":{"wsIncrement":2}}"""], results.Values.Order());
    }

    [Fact]
    public async Task Errors_before_execution_answer_with_an_error_message_and_the_socket_stays_usable()
    {
        await using var app = await StartAsync(new TestFeed());
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();

        await client.SubscribeAsync("bad", "{ nope }");
        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "bad"), TypeAndId(error));
        var errors = error["payload"]!.AsArray();
        Assert.Contains("nope", errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        await client.SubscribeAsync("bad", "{ __typename }"); // the id is free again
        Assert.Equal(("next", "bad"), TypeAndId(await client.ReceiveAsync()));
        Assert.Equal(("complete", "bad"), TypeAndId(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_before_and_after_init_and_pongs_are_accepted()
    {
        await using var app = await StartAsync(new TestFeed());
        using var client = await ConnectAsync(app.Uri);

        await client.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", Json(await client.ReceiveAsync()));
        await client.InitAsync();
        await client.SendAsync("""{"type":"pong","payload":{"x":1}}""");
        await client.SendAsync("""{"type":"ping","payload":{"x":1}}""");
        Assert.Equal("""{"type":"pong"}""", Json(await client.ReceiveAsync()));
    }

    [Theory]
    [InlineData("Authorization", "Bearer ")]
    [InlineData("authorization", "Bearer ")]
    [InlineData("token", "")]
    public async Task A_token_in_connection_init_signs_in_the_socket(string key, string prefix)
    {
        await using var app = await StartAsync(new TestFeed(), authenticate: true);
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync(new JsonObject { [key] = prefix + TestAuthenticationHandler.Token("42", "student") });

        await client.SubscribeAsync("me", "{ wsWhoAmI }");

        Assert.Equal("""{"data":{"wsWhoAmI":"42"}}""", Json((await client.ReceiveAsync())["payload"]));
    }

    [Fact]
    public async Task Connection_init_without_a_token_is_an_anonymous_connection()
    {
        await using var app = await StartAsync(new TestFeed(), authenticate: true);
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync(new JsonObject { ["somethingElse"] = 1 });

        await client.SubscribeAsync("me", "{ wsWhoAmI }");

        Assert.Equal("""{"data":{"wsWhoAmI":null}}""", Json((await client.ReceiveAsync())["payload"]));
    }

    [Theory]
    [InlineData(true, """{"Authorization":"Bearer not-a-valid-token"}""")]
    [InlineData(true, """{"Authorization":42}""")]
    [InlineData(false, """{"Authorization":"Bearer test:42:student"}""")] // no default scheme: nothing can validate it
    public async Task An_invalid_token_closes_with_4403(bool authenticate, string payload)
    {
        await using var app = await StartAsync(new TestFeed(), authenticate);
        using var client = await ConnectAsync(app.Uri);

        await client.SendAsync($$"""{"type":"connection_init","payload":{{payload}}}""");

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData(false, "not json")]
    [InlineData(false, "[]")]
    [InlineData(false, """{"id":"1"}""")]
    [InlineData(true, """{"type":"unknown"}""")]
    [InlineData(true, """{"type":"next","id":"1","payload":{}}""")]
    [InlineData(true, """{"type":"subscribe","payload":{"query":"{ __typename }"}}""")]
    [InlineData(true, """{"type":"subscribe","id":"1"}""")]
    [InlineData(true, """{"type":"subscribe","id":"1","payload":{"variables":{}}}""")]
    [InlineData(true, """{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","variables":[1]}}""")]
    [InlineData(true, """{"type":"complete"}""")]
    [InlineData(true, """{"type":"ping","payload":"x"}""")]
    [InlineData(false, """{"type":"connection_init","payload":[]}""")]
    public async Task Invalid_messages_close_with_4400(bool initFirst, string message)
    {
        await using var app = await StartAsync(new TestFeed());
        using var client = await ConnectAsync(app.Uri);
        if (initFirst)
        {
            await client.InitAsync();
        }

        await client.SendAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public async Task A_message_above_the_size_limit_closes_with_1009()
    {
        await using var app = await StartAsync(new TestFeed(), settings: new() { ["GraphQL:WebSocket:MaxMessageBytes"] = "1024" });
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();

        await client.SubscribeAsync("big", "{ wsEcho(text: \"" + new string('x', 2000) + "\") }");

        Assert.Equal(1009, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Subscribe_before_the_ack_closes_with_4401()
    {
        await using var app = await StartAsync(new TestFeed());
        using var client = await ConnectAsync(app.Uri);

        await client.SubscribeAsync("1", "{ __typename }");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task No_connection_init_within_the_configured_timeout_closes_with_4408()
    {
        var time = new FakeTimeProvider();
        await using var app = await StartAsync(new TestFeed(), settings: new() { ["GraphQL:WebSocket:InitTimeout"] = "00:00:05" },
            services: s => s.AddSingleton<TimeProvider>(time));
        using var client = await ConnectAsync(app.Uri);
        await client.SendAsync("""{"type":"ping"}""");
        await client.ReceiveAsync(); // the connection (and its timer) is running

        time.Advance(TimeSpan.FromSeconds(4.9));
        await client.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_duplicate_subscription_id_closes_with_4409()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed);
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();
        await client.SubscribeAsync("same", "subscription { wsFeed }");
        await feed.WaitForObserversAsync(1);

        await client.SubscribeAsync("same", "subscription { wsFeed }");

        Assert.Equal((4409, "Subscriber for same already exists"), await client.ReceiveCloseAsync());
        await feed.WaitForObserversAsync(0);
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var app = await StartAsync(new TestFeed());
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();

        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Two_subscriptions_share_one_socket()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed);
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();
        await client.SubscribeAsync("a", "subscription { wsFeed }");
        await client.SubscribeAsync("b", "subscription { value: wsFeed }");
        await feed.WaitForObserversAsync(2);

        feed.Push("one");
        feed.Push("two");
        feed.Complete();

        var received = new Dictionary<string, List<string>> { ["a"] = [], ["b"] = [] };
        for (var i = 0; i < 6; i++)
        {
            var message = await client.ReceiveAsync();
            received[message["id"]!.GetValue<string>()].Add($"{message["type"]} {Json(message["payload"]?["data"])}");
        }

        Assert.Equal(["""next {"wsFeed":"one"}""", """next {"wsFeed":"two"}""", "complete null"], received["a"]);
        Assert.Equal(["""next {"value":"one"}""", """next {"value":"two"}""", "complete null"], received["b"]);
        await feed.WaitForObserversAsync(0);
    }

    [Fact]
    public async Task A_subscription_outlives_the_execution_timeout()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed, settings: new() { ["GraphQL:Limits:ExecutionTimeout"] = "00:00:00.300" });
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();
        await client.SubscribeAsync("a", "subscription { wsFeed }");
        await feed.WaitForObserversAsync(1);

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        feed.Push("late");

        var message = await client.ReceiveAsync();
        Assert.Equal("""next {"wsFeed":"late"}""", $"{message["type"]} {Json(message["payload"]?["data"])}");
    }

    [Fact]
    public async Task Operations_beyond_the_per_connection_limit_are_refused_and_the_socket_stays_usable()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed, settings: new() { ["GraphQL:WebSocket:MaxOperationsPerConnection"] = "2" });
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();
        await client.SubscribeAsync("a", "subscription { wsFeed }");
        await client.SubscribeAsync("b", "subscription { wsFeed }");
        await feed.WaitForObserversAsync(2);

        await client.SubscribeAsync("c", "subscription { wsFeed }");

        var refused = await client.ReceiveAsync();
        Assert.Equal(("error", "c"), TypeAndId(refused));
        Assert.Equal("TOO_MANY_OPERATIONS", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        feed.Push("still here");
        var delivered = new[] { TypeAndId(await client.ReceiveAsync()), TypeAndId(await client.ReceiveAsync()) };
        Assert.Equal([("next", "a"), ("next", "b")], delivered.Order());
    }

    [Fact]
    public async Task An_overlong_operation_id_closes_with_4400()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed);
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();

        await client.SubscribeAsync(new string('x', 129), "{ __typename }");

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Complete_from_the_client_stops_only_that_subscription()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed);
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();
        await client.SubscribeAsync("a", "subscription { wsFeed }");
        await client.SubscribeAsync("b", "subscription { wsFeed }");
        await feed.WaitForObserversAsync(2);

        await client.SendAsync("""{"type":"complete","id":"a"}""");
        await feed.WaitForObserversAsync(1);
        feed.Push("after");

        var next = await client.ReceiveAsync();
        Assert.Equal(("next", "b"), TypeAndId(next));
        Assert.Equal("""{"data":{"wsFeed":"after"}}""", Json(next["payload"]));

        await client.SubscribeAsync("a", "{ __typename }"); // a completed id may be used again
        Assert.Equal(("next", "a"), TypeAndId(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task A_failing_event_stream_ends_the_subscription_with_an_error_message()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed);
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();
        await client.SubscribeAsync("s", "subscription { wsFeed }");
        await feed.WaitForObserversAsync(1);

        feed.Fail(new ExecutionError("The feed broke.") { Code = "FEED_BROKEN" });

        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "s"), TypeAndId(error));
        Assert.Equal("The feed broke.", error["payload"]![0]!["message"]!.GetValue<string>());
        await feed.WaitForObserversAsync(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Closing_the_socket_disposes_its_subscriptions(bool graceful)
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed);
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();
        await client.SubscribeAsync("a", "subscription { wsFeed }");
        await client.SubscribeAsync("b", "subscription { wsFeed }");
        await feed.WaitForObserversAsync(2);

        if (graceful)
        {
            await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Ct);
            Assert.Equal(WebSocketCloseStatus.NormalClosure, client.Socket.CloseStatus);
        }
        else
        {
            client.Socket.Abort();
        }

        await feed.WaitForObserversAsync(0);
    }

    [Fact]
    public async Task Host_shutdown_closes_sockets_with_1001_and_disposes_subscriptions()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed);
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();
        await client.SubscribeAsync("a", "subscription { wsFeed }");
        await feed.WaitForObserversAsync(1);

        app.App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.Equal((1001, "Server shutting down"), await client.ReceiveCloseAsync());
        await feed.WaitForObserversAsync(0);
    }

    [Fact]
    public async Task A_client_that_does_not_read_is_closed_with_1008_when_its_send_queue_fills()
    {
        var feed = new TestFeed();
        await using var app = await StartAsync(feed, settings: new()
        {
            ["GraphQL:WebSocket:SendQueueCapacity"] = "16",
            ["GraphQL:WebSocket:CloseTimeout"] = "00:00:30",
        });
        using var client = await ConnectAsync(app.Uri);
        await client.InitAsync();
        await client.SubscribeAsync("flood", "subscription { wsFeed }");
        await feed.WaitForObserversAsync(1);

        // The client reads nothing. 64 KiB values fill the TCP buffers (a few MiB on loopback),
        // then the server's queue of 16: the server must let go of the subscription by itself.
        var value = new string('x', 64 * 1024);
        const int Limit = 5000;
        var pushed = 0;
        while (feed.ObserverCount > 0 && pushed < Limit)
        {
            feed.Push(value);
            pushed++;
            await Task.Delay(1, Ct); // paced: the send loop keeps up until the socket stops taking data
        }

        await feed.WaitForObserversAsync(0);
        Assert.True(pushed < Limit, $"The server kept {Limit} values of 64 KiB for a client that reads nothing.");

        // What the socket still holds arrives, then the close.
        var nexts = 0;
        while (true)
        {
            var (text, close) = await client.ReceiveTextAsync();
            if (text is null)
            {
                Assert.Equal(WebSocketCloseStatus.PolicyViolation, close);
                break;
            }

            nexts++;
        }

        Assert.InRange(nexts, 1, pushed);
        Assert.StartsWith("Send queue full", client.Socket.CloseStatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_websocket_upgrade_without_the_subprotocol_is_left_to_http()
    {
        await using var app = await StartAsync(new TestFeed());

        await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(app.Uri, "graphql-ws"));
    }

    private static (string?, string?) TypeAndId(JsonObject message) =>
        (message["type"]?.GetValue<string>(), message["id"]?.GetValue<string>());

    private static async Task<RunningApp> StartAsync(
        TestFeed feed,
        bool authenticate = false,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var app = await TestApp.StartAsync(settings: settings, configureServices: s =>
        {
            s.AddWebSocketTestModule(feed);
            if (authenticate)
            {
                s.AddTestAuthentication();
            }

            services?.Invoke(s);
        });
        return new RunningApp(app, app.StartKestrel());
    }

    /// <summary>The host on Kestrel and its address.</summary>
    private sealed record RunningApp(TestApp App, Uri Uri) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
