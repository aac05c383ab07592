using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Operations.Connections;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Limits;
using CertifyTrack.Host.Tests.Users;

namespace CertifyTrack.Host.Tests.Operations;

/// <summary>
/// The connection budget (docs/adr/0005, README "Behind a reverse proxy"): open connections per client
/// address, GraphQL WebSockets per address and per user, and the limits derived from the descriptor limit.
/// </summary>
public sealed class ConnectionCapTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_address_may_open_only_MaxPerIp_WebSockets_and_the_next_upgrade_gets_429()
    {
        await using var app = await UsersApp.StartAsync("sqlite", kestrel: true, settings: new Dictionary<string, string?> { ["GraphQL:WebSocket:MaxPerIp"] = "2" });
        var from = LoopbackClients.Address(2);
        using var first = await WebSocketTestClient.ConnectFromAsync(app.BaseUri!, from, Quick);
        using (var second = await WebSocketTestClient.ConnectFromAsync(app.BaseUri!, from, Quick))
        {
            var refused = await Assert.ThrowsAsync<RefusedUpgradeException>(() => WebSocketTestClient.ConnectFromAsync(app.BaseUri!, from, Quick));
            Assert.Equal(429, refused.StatusCode);

            // Another address is counted apart.
            using var other = await WebSocketTestClient.ConnectFromAsync(app.BaseUri!, LoopbackClients.Address(3), Quick);
            await other.InitAsync();
            await second.Socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, Ct);
        }

        // A closed socket gives its slot back.
        await WaitUntilAsync(async () =>
        {
            try
            {
                using var again = await WebSocketTestClient.ConnectFromAsync(app.BaseUri!, from, Quick);
                return true;
            }
            catch (RefusedUpgradeException)
            {
                return false;
            }
        });
        await first.InitAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_user_may_hold_only_MaxPerUser_WebSockets_and_the_next_closes_with_1013_at_connection_init(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, kestrel: true, settings: new Dictionary<string, string?> { ["GraphQL:WebSocket:MaxPerUser"] = "2" });
        var asha = new JsonObject { ["Authorization"] = "Bearer " + RateLimitTests.Token(1) };
        using var first = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await first.InitAsync(asha.DeepClone().AsObject());
        using var second = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await second.InitAsync(asha.DeepClone().AsObject());

        using var third = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await third.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = asha.DeepClone() });
        Assert.Equal((1013, "At most 2 WebSockets per user: close one first"), await third.ReceiveCloseAsync());

        // Another user, and anonymous sockets, are not counted against Asha.
        using var ravi = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await ravi.InitAsync(new JsonObject { ["Authorization"] = "Bearer " + RateLimitTests.Token(2) });
        using var anonymous = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await anonymous.InitAsync();

        // Once one of hers closes, she may open another.
        await first.Socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, Ct);
        await WaitUntilAsync(async () =>
        {
            using var again = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
            await again.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = asha.DeepClone() });
            return (await again.ReceiveTextAsync()).Text?.Contains("connection_ack", StringComparison.Ordinal) == true;
        });
    }

    [Fact]
    public async Task One_address_may_hold_only_PerIp_connections_and_others_are_served()
    {
        await using var app = await UsersApp.StartAsync("sqlite", kestrel: true, settings: new Dictionary<string, string?> { ["Connections:PerIp"] = "3" });
        var port = app.BaseUri!.Port;
        var held = new List<Socket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var socket = await LoopbackClients.ConnectAsync(LoopbackClients.Address(2), port, Quick);
                Assert.NotNull(socket);
                held.Add(socket);
                Assert.False(await LoopbackClients.ClosedByServerAsync(socket, TimeSpan.FromMilliseconds(200)));
            }

            var fourth = await LoopbackClients.ConnectAsync(LoopbackClients.Address(2), port, Quick);
            Assert.NotNull(fourth);
            held.Add(fourth);
            Assert.True(await LoopbackClients.ClosedByServerAsync(fourth, Quick), "The fourth connection of one address stayed open.");

            using var client = new HttpClient(LoopbackClients.HandlerFrom(LoopbackClients.Address(3))) { BaseAddress = app.BaseUri };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct)).StatusCode);
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task A_trusted_proxy_is_not_capped_per_address()
    {
        await using var app = await UsersApp.StartAsync("sqlite", kestrel: true, settings: new Dictionary<string, string?>
        {
            ["Connections:PerIp"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.4",
        });
        var held = new List<Socket>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var socket = await LoopbackClients.ConnectAsync(LoopbackClients.Address(4), app.BaseUri!.Port, Quick);
                Assert.NotNull(socket);
                held.Add(socket);
                await socket.SendAsync(Encoding.ASCII.GetBytes("GET /health/live HTTP/1.1\r\nHost: proxy\r\n\r\n"), SocketFlags.None, Ct);
                var answer = new byte[64];
                var read = await socket.ReceiveAsync(answer, SocketFlags.None, Ct);
                Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
            }
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }

    [Theory]
    [InlineData(1024L, 128L, 256L, 48, 32)]
    [InlineData(20_000L, 4872L, 9744L, 1827, 1218)]
    [InlineData(1_048_576L, 10_000L, 10_000L, 2500, 1250)]
    [InlineData(null, 1000L, 2000L, 375, 250)]
    public void The_limits_derive_from_the_descriptor_limit(long? descriptors, long connections, long upgraded, int perIp, int webSocketsPerIp)
    {
        var budget = ConnectionBudget.From(new ConnectionLimitOptions(), descriptors);

        Assert.Equal((connections, upgraded, perIp, webSocketsPerIp), (budget.MaxConnections, budget.MaxUpgradedConnections, budget.PerIp, budget.WebSocketsPerIp));
    }

    [Fact]
    public void Configured_limits_win()
    {
        var budget = ConnectionBudget.From(new ConnectionLimitOptions { MaxConnections = 50, MaxUpgradedConnections = 70, PerIp = 0 }, 1024);

        Assert.Equal((50L, 70L, 0, 8), (budget.MaxConnections, budget.MaxUpgradedConnections, budget.PerIp, budget.WebSocketsPerIp));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 seconds.");
            await Task.Delay(50, Ct);
        }
    }
}
