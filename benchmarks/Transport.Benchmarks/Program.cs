using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace CertifyTrack.Transport.Benchmarks;

/// <summary>
/// Requests/s, p50/p99 latency and CPU per request of two GraphQL requests through the real
/// CertifyTrack host, each against a bare minimal-API endpoint answering the same bytes, all
/// served by Kestrel in this process and driven over loopback HTTP/1.1 keep-alive connections:
/// the anonymous <c>{ __typename }</c>, and a signed-in student's home query (<c>me</c> with the
/// student profile and 10 notifications, a real bearer token).
/// </summary>
internal static class TransportBenchmark
{
    private static readonly byte[] RequestBody = """{"query":"{ __typename }"}"""u8.ToArray();
    private static readonly byte[] ResponseBody = """{"data":{"__typename":"Query"}}"""u8.ToArray();
    private const string ResponseContentType = "application/graphql-response+json; charset=utf-8";

    /// <summary>The signed-in answer, captured from the host once it is seeded; the bare endpoint replays it.</summary>
    private static byte[] signedInResponse = [];

    /// <summary>The targets each scenario must reach (GraphQL req/s over bare req/s), issue #13.</summary>
    private static readonly (string Name, double Target)[] Scenarios = [("{ __typename }", 0.5), ("signed-in me + 10 notifications", 0.3)];

    private const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/Transport.Benchmarks -- [options]
          --seconds N       measured seconds per target (default 10)
          --warmup N        warm-up seconds per target, discarded (default 3)
          --concurrency N   concurrent workers = keep-alive connections (default 16)
          --rounds N        measured time is split into N alternating slices per target (default 5)
        """;

    public static async Task<int> Main(string[] args)
    {
        if (!TryParse(args, out var seconds, out var warmup, out var concurrency, out var rounds))
        {
            Console.Error.WriteLine(Usage);
            return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
        }

        var directory = Directory.CreateTempSubdirectory("certifytrack-bench-").FullName;
        try
        {
            await using var certifyTrack = new CertifyTrackApp($"Data Source={Path.Combine(directory, "bench.db")}", Path.Combine(directory, "keys"));
            var baseAddress = Loopback(certifyTrack.StartKestrel());
            var graphQLUrl = new Uri(baseAddress, "/graphql");
            await SignedInStudent.SeedAsync(certifyTrack.Services);
            var token = await SignedInStudent.SignInAsync(baseAddress);
            signedInResponse = await CaptureAsync(graphQLUrl, token);
            await using var bare = await StartBareAsync();
            var bareAddress = Loopback(new Uri(bare.Urls.Single()));

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {GCSettings.IsServerGC}; {concurrency} workers; "
                + $"{warmup} s warm-up, then {seconds} s measured per target in {rounds} alternating rounds"));
            Console.WriteLine($"CertifyTrack host: POST {graphQLUrl}; bare minimal API: POST {bareAddress}");
            Console.WriteLine($"Signed-in answer: {signedInResponse.Length} bytes");
            var loadBefore = LoadAverage();

            var pairs = new[]
            {
                (Bare: new LoadTarget("bare minimal API", new Uri(bareAddress, "/graphql"), RequestBody, ResponseBody, concurrency),
                    GraphQL: new LoadTarget("CertifyTrack /graphql", graphQLUrl, RequestBody, ResponseBody, concurrency)),
                (Bare: new LoadTarget("bare minimal API", new Uri(bareAddress, "/me"), SignedInStudent.RequestBody, signedInResponse, concurrency, token),
                    GraphQL: new LoadTarget("CertifyTrack /graphql", graphQLUrl, SignedInStudent.RequestBody, signedInResponse, concurrency, token)),
            };
            var results = new List<(LoadResult Bare, LoadResult GraphQL, List<double> Ratios)>();
            foreach (var (bareTarget, graphQLTarget) in pairs)
            {
                using (bareTarget)
                using (graphQLTarget)
                {
                    results.Add(await MeasurePairAsync(bareTarget, graphQLTarget, warmup, seconds, rounds));
                }
            }

            Console.WriteLine($"Load average (1 min) before/after: {loadBefore}/{LoadAverage()}");
            var met = true;
            for (var i = 0; i < results.Count; i++)
            {
                Console.WriteLine();
                Console.WriteLine($"## {Scenarios[i].Name}");
                met &= Print(results[i].Bare, results[i].GraphQL, results[i].Ratios, Scenarios[i].Target);
            }

            Console.WriteLine();
            Console.WriteLine(met ? "All targets met." : "Some target was NOT met.");
            return results.All(r => r.Bare.Errors + r.GraphQL.Errors == 0) ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temporary folder behind.
            }
        }
    }

    /// <summary>
    /// A checked request and a warm-up each, then short alternating slices (A B B A A B ...) that
    /// give both targets the same share of any background load or drift, which matters most for the ratio.
    /// </summary>
    private static async Task<(LoadResult, LoadResult, List<double>)> MeasurePairAsync(
        LoadTarget bareTarget, LoadTarget graphQLTarget, int warmup, int seconds, int rounds)
    {
        foreach (var target in new[] { bareTarget, graphQLTarget })
        {
            await target.CheckAsync();
            await target.RunAsync(TimeSpan.FromSeconds(warmup), record: false);
        }

        var slice = TimeSpan.FromSeconds((double)seconds / rounds);
        var roundRatios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            double bareRps, graphQLRps;
            if (round % 2 == 0)
            {
                bareRps = await bareTarget.RunAsync(slice, record: true);
                graphQLRps = await graphQLTarget.RunAsync(slice, record: true);
            }
            else
            {
                graphQLRps = await graphQLTarget.RunAsync(slice, record: true);
                bareRps = await bareTarget.RunAsync(slice, record: true);
            }

            roundRatios.Add(graphQLRps / bareRps);
        }

        return (bareTarget.Summarize(), graphQLTarget.Summarize(), roundRatios);
    }

    /// <summary>The host's answer to the signed-in query, checked to hold the 10 notifications.</summary>
    private static async Task<byte[]> CaptureAsync(Uri graphQLUrl, string token)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, graphQLUrl) { Content = new ByteArrayContent(SignedInStudent.RequestBody) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(body);
        return response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal) && text.Contains("\"totalCount\":10", StringComparison.Ordinal)
            ? body
            : throw new InvalidOperationException($"The signed-in query answered {(int)response.StatusCode} {text}");
    }

    /// <summary>The floor: Kestrel plus routing and one endpoint that writes the expected bytes.</summary>
    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/graphql", () => Results.Bytes(ResponseBody, ResponseContentType));
        app.MapPost("/me", () => Results.Bytes(signedInResponse, ResponseContentType));
        await app.StartAsync();
        return app;
    }

    /// <summary>The 1-minute load average on Linux: a busy machine explains noisy figures.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>Load targets 127.0.0.1 only, whatever name the server reports.</summary>
    private static Uri Loopback(Uri address) => new UriBuilder(address) { Host = IPAddress.Loopback.ToString() }.Uri;

    private static bool Print(LoadResult bare, LoadResult graphQL, List<double> roundRatios, double target)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"| {"Target",-22} | {"req/s",9} | {"p50 ms",7} | {"p99 ms",7} | {"mean ms",7} | {"CPU us/req",10} | {"requests",9} | {"errors",6} | {"conns",5} |");
        table.AppendLine("|------------------------|----------:|--------:|--------:|--------:|-----------:|----------:|-------:|------:|");
        foreach (var r in new[] { bare, graphQL })
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name,-22} | {r.RequestsPerSecond,9:F0} | {r.P50Ms,7:F3} | {r.P99Ms,7:F3} | {r.MeanMs,7:F3} | {r.CpuMicrosecondsPerRequest,10:F0} | {r.Requests,9} | {r.Errors,6} | {r.Connections,5} |");
        }

        var ratio = graphQL.RequestsPerSecond / bare.RequestsPerSecond;
        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"GraphQL/bare: req/s x{ratio:F2} (target >= {target:F1}: {(ratio >= target ? "met" : "NOT met")}), "
            + $"p50 x{graphQL.P50Ms / bare.P50Ms:F2}, p99 x{graphQL.P99Ms / bare.P99Ms:F2}, "
            + $"CPU/req x{graphQL.CpuMicrosecondsPerRequest / bare.CpuMicrosecondsPerRequest:F2}");
        table.AppendLine(CultureInfo.InvariantCulture,
            $"req/s ratio per round: {string.Join(" ", roundRatios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}");
        Console.Write(table.ToString());
        return ratio >= target;
    }

    private static bool TryParse(string[] args, out int seconds, out int warmup, out int concurrency, out int rounds)
    {
        (seconds, warmup, concurrency, rounds) = (10, 3, 16, 5);
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value is < 1 or > 3600)
            {
                return false;
            }

            switch (args[i++])
            {
                case "--seconds": seconds = value; break;
                case "--warmup": warmup = value; break;
                case "--concurrency": concurrency = value; break;
                case "--rounds": rounds = value; break;
                default: return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The real CertifyTrack host (its own <c>Program</c>) on Kestrel at a free loopback port, over
/// a fresh SQLite file, in Production with logging at Warning.
/// </summary>
internal sealed class CertifyTrackApp(string connectionString, string keysDirectory) : WebApplicationFactory<Program>
{
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The factory looks for its content-root manifest in the current directory, which
        // `dotnet run --project` leaves at the caller's; the output folder holds the host's appsettings.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The rate limiter stays on, so its cost is measured, but one client sends far more than
        // the production limits allow (1,000 operations a minute per address).
        builder.UseSetting("GraphQL:RateLimits:PerUser", "1000000000");
        builder.UseSetting("GraphQL:RateLimits:PerIp", "1000000000");
        // Neither the host's folder nor the output folder has a wwwroot; that start-up warning is noise here.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.StaticFiles", "Error");
        // The signed-in scenario gets its token as a script would: the password grant, over loopback HTTP.
        builder.UseSetting("Auth:AllowPasswordGrant", "true");
        builder.UseSetting("Auth:RequireHttps", "false");
        builder.UseSetting("Auth:KeysDirectory", keysDirectory);
        builder.UseSetting("Email:Outbox:RunWorker", "false");
    }
}
