using System.Net;
using System.Net.Sockets;
using System.Text;
using CertifyTrack.Host.Operations.Connections;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Operations;

/// <summary>
/// The host as its own process under a low descriptor limit (<c>ulimit -n 1024</c>; the runtime alone holds
/// ~400), flooded as an attacker would. Without connection limits a flood takes every descriptor: the host
/// stops accepting, or aborts. With them it refuses the excess and goes on serving.
/// </summary>
public sealed class ConnectionFloodTests : IAsyncDisposable
{
    private const int DescriptorLimit = 1024;
    /// <summary>Long enough for a loaded machine (the suite shares 2 cores with builds); a host whose accept loop is starved never answers at all.</summary>
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(20);

    private readonly List<IDisposable> held = [];
    private readonly string scratch = Path.Combine(Path.GetTempPath(), $"certifytrack-flood-{Guid.NewGuid():N}");
    private TestDatabase? database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_host_survives_a_flood_of_sockets_that_only_send_connection_init_and_keeps_serving()
    {
        var (host, baseUri) = await StartHostAsync();
        await using var running = host;
        var budget = Budget();
        await AssertServesAsync(baseUri, host, retryFor: TimeSpan.FromSeconds(30));   // warm: the first request JIT-compiles the pipeline

        // Many addresses (a botnet): each up to its own cap, until the host's WebSocket budget refuses.
        var accepted = 0;
        var refusals = new List<int>();
        for (var address = 2; address < 100 && !refusals.Contains(503); address++)
        {
            while (true)
            {
                try
                {
                    var socket = await WebSocketTestClient.ConnectFromAsync(baseUri, LoopbackClients.Address(address), Quick);
                    held.Add(socket);
                    await socket.InitAsync();
                    accepted++;
                }
                catch (RefusedUpgradeException refused)
                {
                    refusals.Add(refused.StatusCode);
                    break;
                }
                catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
                {
                    Assert.Fail($"A socket was neither accepted nor refused within {Quick} after {accepted} sockets:\n{Tail(host.Output)}");
                }
            }
        }

        Assert.Contains(503, refusals);
        Assert.InRange(accepted, budget.WebSockets - 1, budget.WebSockets);   // the budget, give or take one closing
        await AssertServesAsync(baseUri, host);

        // Plain TCP connections from many addresses, until the host closes new ones at once.
        var open = 0;
        for (var address = 100; address < 250; address++)
        {
            var socket = await LoopbackClients.ConnectAsync(LoopbackClients.Address(address), baseUri.Port, Quick);
            Assert.True(socket is not null, $"A connection was not accepted within {Quick} after {open}:\n{Tail(host.Output)}");
            held.Add(socket);
            if (await LoopbackClients.ClosedByServerAsync(socket, TimeSpan.FromMilliseconds(100)))
            {
                break;
            }

            open++;
        }

        Assert.InRange(open, 1, budget.Connections);
        ReleaseHeld();
        await AssertServesAsync(baseUri, host, retryFor: TimeSpan.FromSeconds(10)); // once the host has seen the clients go
    }

    [Fact]
    public async Task Slow_headers_from_one_address_do_not_keep_a_client_at_another_out()
    {
        var (host, baseUri) = await StartHostAsync();
        await using var running = host;
        var budget = Budget();

        // Slowloris: more half-sent requests from 127.0.0.2 than the host has descriptors.
        var closedAtOnce = 0;
        for (var i = 0; i < DescriptorLimit; i++)
        {
            var socket = await LoopbackClients.ConnectAsync(LoopbackClients.Address(2), baseUri.Port, Quick);
            if (socket is null)
            {
                break; // no longer accepted: the client below shows whether that matters
            }

            held.Add(socket);
            try
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: "), SocketFlags.None, Ct);
            }
            catch (SocketException)
            {
                // closed by the host already: counted below
            }
        }

        for (var i = budget.PerIp; i < held.Count; i++)
        {
            closedAtOnce += await LoopbackClients.ClosedByServerAsync((Socket)held[i], TimeSpan.FromMilliseconds(50)) ? 1 : 0;
        }

        await AssertServesAsync(baseUri, host);
        Assert.True(closedAtOnce >= DescriptorLimit - budget.PerIp - 5, $"{closedAtOnce} of the attacker's {DescriptorLimit} connections were closed at once (cap {budget.PerIp}).");
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseHeld();
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// A client at 127.0.0.1 gets <c>/health/live</c>, <c>/health/ready</c> (the database opens) and a GraphQL
    /// answer, within <paramref name="retryFor"/> if given.
    /// </summary>
    private static async Task AssertServesAsync(Uri baseUri, RunningHost host, TimeSpan? retryFor = null)
    {
        var deadline = DateTime.UtcNow + (retryFor ?? TimeSpan.Zero);
        while (true)
        {
            using var client = new HttpClient(LoopbackClients.HandlerFrom(IPAddress.Loopback)) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(15) };
            try
            {
                foreach (var path in new[] { "/health/live", "/health/ready" })
                {
                    using var health = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
                    Assert.True(health.StatusCode == HttpStatusCode.OK, $"{path}: {(int)health.StatusCode}");
                }

                var (response, body) = await client.PostGraphQLAsync("{ __typename }");
                Assert.Equal((HttpStatusCode.OK, """{"data":{"__typename":"Query"}}"""), (response.StatusCode, body.ToJson()));
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"The host did not answer ({ex.GetType().Name}: {ex.Message}):\n{Tail(host.Output)}");
                }

                await Task.Delay(200, Ct);
            }
        }
    }

    private async Task<(RunningHost Host, Uri BaseUri)> StartHostAsync()
    {
        database = await TestDatabase.CreateAsync("sqlite");
        var port = ClosedPort.Find();
        var host = HostProcess.Start([], new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Auth__KeysDirectory"] = Path.Combine(scratch, "keys"),
            ["Email__PickupDirectory"] = Path.Combine(scratch, "mail"),
            ["Database__Provider"] = database.ProviderName,
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Database__MigrateOnStart"] = "true",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Auth__BootstrapAdmin"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        }, DescriptorLimit);
        await host.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(120));
        return (host, new Uri($"http://127.0.0.1:{port}"));
    }

    private void ReleaseHeld()
    {
        held.ForEach(h => h.Dispose());
        held.Clear();
    }

    /// <summary>What the host derives from the limit (docs/adr/0005): the test counts against it.</summary>
    private static (int Connections, int WebSockets, int PerIp) Budget()
    {
        var budget = ConnectionBudget.From(new ConnectionLimitOptions(), DescriptorLimit);
        return ((int)budget.MaxConnections, (int)budget.MaxUpgradedConnections, budget.PerIp);
    }

    private static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;
}
