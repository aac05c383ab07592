using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text;
using CertifyTrack.Benchmarks.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
          --scenario N      run only scenario N (1: { __typename }, 2: signed in), e.g. under a profiler
        """;

    public static async Task<int> Main(string[] args)
    {
        if (!TryParse(args, out var seconds, out var warmup, out var concurrency, out var rounds, out var only))
        {
            Console.Error.WriteLine(Usage);
            return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
        }

        await using var database = await BenchDatabase.SqliteAsync();
        await using var certifyTrack = new BenchHost(database.Provider, database.ConnectionString)
            .RaiseLimits().AllowPasswordSignIn(Path.Combine(database.Folder, "keys"));
        var baseAddress = certifyTrack.StartKestrel();
        var graphQLUrl = new Uri(baseAddress, "/graphql");
        var token = await SignedInStudent.SeedAsync(certifyTrack.Services, baseAddress);
        signedInResponse = await CaptureAsync(graphQLUrl, token);
        await using var bare = await StartBareAsync(certifyTrack.Services);
        var bareAddress = Loopback(new Uri(bare.Urls.Single()));
        var byHandResponse = await CaptureAsync(new Uri(bareAddress, "/me-by-hand"), token);
        if (!ByHandEndpoint.SameData(signedInResponse, byHandResponse, out var difference))
        {
            throw new InvalidOperationException($"The hand-written endpoint answers other data than GraphQL:\n{difference}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {GCSettings.IsServerGC}; {concurrency} workers; "
            + $"{warmup} s warm-up, then {seconds} s measured per target in {rounds} alternating rounds"));
        Console.WriteLine($"CertifyTrack host: POST {graphQLUrl}; bare minimal API: POST {bareAddress}");
        Console.WriteLine($"Signed-in answer: {signedInResponse.Length} bytes (by hand: {byHandResponse.Length} bytes, the same data)");
        var loadBefore = LoadAverage();

        // Per scenario: the bare endpoint first, GraphQL last, and for the signed-in query the same work written by hand between.
        var scenarios = new[]
        {
            new[]
            {
                new LoadTarget("bare minimal API", new Uri(bareAddress, "/graphql"), RequestBody, ResponseBody, concurrency),
                new LoadTarget("CertifyTrack /graphql", graphQLUrl, RequestBody, ResponseBody, concurrency),
            },
            [
                new LoadTarget("bare minimal API", new Uri(bareAddress, "/me"), SignedInStudent.RequestBody, signedInResponse, concurrency, token),
                new LoadTarget("same work by hand", new Uri(bareAddress, "/me-by-hand"), SignedInStudent.RequestBody, byHandResponse, concurrency, token),
                new LoadTarget("CertifyTrack /graphql", graphQLUrl, SignedInStudent.RequestBody, signedInResponse, concurrency, token),
            ],
        };
        var results = new List<(LoadResult[] Targets, List<double> Ratios)>();
        foreach (var targets in only == 0 ? scenarios : [scenarios[only - 1]])
        {
            try
            {
                results.Add(await MeasureAsync(targets, warmup, seconds, rounds));
            }
            finally
            {
                Array.ForEach(targets, t => t.Dispose());
            }
        }

        Console.WriteLine($"Load average (1 min) before/after: {loadBefore}/{LoadAverage()}");
        var met = true;
        for (var i = 0; i < results.Count; i++)
        {
            Console.WriteLine();
            var scenario = Scenarios[only == 0 ? i : only - 1];
            Console.WriteLine($"## {scenario.Name}");
            met &= Print(results[i].Targets, results[i].Ratios, scenario.Target);
        }

        Console.WriteLine();
        Console.WriteLine(met ? "All targets met." : "Some target was NOT met.");
        return results.All(r => r.Targets.All(t => t.Errors == 0)) ? 0 : 1;
    }

    /// <summary>
    /// A checked request and a warm-up each, then short slices that alternate the order of the targets
    /// (A B C, C B A, A B C, ...) so that all get the same share of any background load or drift, which
    /// matters most for the ratio. The ratios per round are GraphQL (the last target) over bare (the first).
    /// </summary>
    private static async Task<(LoadResult[], List<double>)> MeasureAsync(LoadTarget[] targets, int warmup, int seconds, int rounds)
    {
        foreach (var target in targets)
        {
            await target.CheckAsync();
            await WarmUpAsync(target, warmup);
        }

        var slice = TimeSpan.FromSeconds((double)seconds / rounds);
        // Where a JIT log (DOTNET_JitStdOutFile) can be cut to see what is compiled while measured.
        Console.WriteLine($"JIT: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled before the measured slices");
        var roundRatios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var rps = new double[targets.Length];
            foreach (var i in round % 2 == 0 ? Enumerable.Range(0, targets.Length) : Enumerable.Range(0, targets.Length).Reverse())
            {
                rps[i] = await targets[i].RunAsync(slice, record: true);
            }

            roundRatios.Add(rps[^1] / rps[0]);
        }

        return ([.. targets.Select(t => t.Summarize())], roundRatios);
    }

    /// <summary>
    /// The given warm-up, then more until the JIT has settled: tiered compilation recompiles hot
    /// methods in the background for a while after their first calls, and a slow path (a few dozen
    /// requests a second) is still being compiled seconds later. Measuring then counted the JIT's
    /// work as the request's CPU (it was most of the signed-in figure). Settled: fewer than one
    /// method compiled per 20 requests over a second; at most 60 s more.
    /// </summary>
    private static async Task WarmUpAsync(LoadTarget target, int seconds)
    {
        await target.RunAsync(TimeSpan.FromSeconds(seconds), record: false);
        for (var extra = 0; extra < 60; extra++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            var rps = await target.RunAsync(TimeSpan.FromSeconds(1), record: false);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < Math.Max(1, rps / 20))
            {
                return;
            }
        }

        Console.WriteLine($"{target.Name}: the JIT was still compiling after the warm-up; the figures include it.");
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
    private static async Task<WebApplication> StartBareAsync(IServiceProvider host)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/graphql", () => Results.Bytes(ResponseBody, ResponseContentType));
        app.MapPost("/me", () => Results.Bytes(signedInResponse, ResponseContentType));
        app.MapPost("/me-by-hand", (HttpContext context) => ByHandEndpoint.HandleAsync(context, host));
        await app.StartAsync();
        return app;
    }

    /// <summary>The 1-minute load average on Linux: a busy machine explains noisy figures.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>Load targets 127.0.0.1 only, whatever name the server reports.</summary>
    private static Uri Loopback(Uri address) => new UriBuilder(address) { Host = IPAddress.Loopback.ToString() }.Uri;

    /// <summary>The table, the ratio the issue sets a target for (GraphQL over bare), and for the signed-in query GraphQL over the same work by hand.</summary>
    private static bool Print(LoadResult[] targets, List<double> roundRatios, double target)
    {
        var (bare, graphQL) = (targets[0], targets[^1]);
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"| {"Target",-22} | {"req/s",9} | {"p50 ms",7} | {"p99 ms",7} | {"mean ms",7} | {"CPU us/req",10} | {"requests",9} | {"errors",6} | {"conns",5} |");
        table.AppendLine("|------------------------|----------:|--------:|--------:|--------:|-----------:|----------:|-------:|------:|");
        foreach (var r in targets)
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
        foreach (var reference in targets[1..^1])
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"GraphQL/{reference.Name}: req/s x{graphQL.RequestsPerSecond / reference.RequestsPerSecond:F2}, "
                + $"p50 x{graphQL.P50Ms / reference.P50Ms:F2}, CPU/req x{graphQL.CpuMicrosecondsPerRequest / reference.CpuMicrosecondsPerRequest:F2}");
        }

        table.AppendLine(CultureInfo.InvariantCulture,
            $"JIT while measured (whole process): {string.Join(", ", targets.Select(t => $"{t.Name} slices {t.JitMethods} methods in {t.JitTime.TotalMilliseconds:F0} ms"))}");
        table.AppendLine(CultureInfo.InvariantCulture,
            $"GraphQL/bare req/s ratio per round: {string.Join(" ", roundRatios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}");
        Console.Write(table.ToString());
        return ratio >= target;
    }

    private static bool TryParse(string[] args, out int seconds, out int warmup, out int concurrency, out int rounds, out int only)
    {
        (seconds, warmup, concurrency, rounds, only) = (10, 3, 16, 5, 0);
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
                case "--scenario" when value <= Scenarios.Length: only = value; break;
                default: return false;
            }
        }

        return true;
    }
}
