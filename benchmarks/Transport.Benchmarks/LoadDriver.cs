using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace CertifyTrack.Transport.Benchmarks;

/// <summary>What the measured phases against one server produced.</summary>
internal sealed record LoadResult(
    string Name, long Requests, long Errors, int Connections, double Seconds, double P50Ms, double P99Ms, double MeanMs, TimeSpan Cpu,
    long JitMethods, TimeSpan JitTime)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>Process CPU (client and server) per request: steadier than req/s on a busy machine.</summary>
    public double CpuMicrosecondsPerRequest => Cpu.TotalMicroseconds / Requests;
}

/// <summary>
/// A small closed-loop HTTP/1.1 load driver for one server: N workers share a keep-alive pool of
/// N connections; each sends its next request as soon as it has read the previous response.
/// Phases may be run several times (interleaved with another target); measured ones accumulate.
/// </summary>
internal sealed class LoadTarget : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient client;
    private readonly Uri url;
    private readonly byte[] requestBody;
    private readonly byte[] expectedBody;
    private readonly int concurrency;
    private readonly string? bearerToken;
    private readonly List<long> latencies = [];
    private long errors;
    private int connections;
    private TimeSpan measured;
    private TimeSpan cpu;
    private long jitMethods;
    private TimeSpan jitTime;

    public LoadTarget(string name, Uri url, byte[] requestBody, byte[] expectedBody, int concurrency, string? bearerToken = null)
    {
        Name = name;
        this.bearerToken = bearerToken;
        this.url = url;
        this.requestBody = requestBody;
        this.expectedBody = expectedBody;
        this.concurrency = concurrency;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = concurrency,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            // Counts the TCP connections opened, to show that keep-alive holds (one per worker).
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        client = new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Name { get; }

    /// <summary>One checked request: a misconfigured target must not produce a table of errors.</summary>
    public async Task CheckAsync()
    {
        var (status, body) = await SendAsync(CancellationToken.None);
        if (status != HttpStatusCode.OK || !body.AsSpan().SequenceEqual(expectedBody))
        {
            throw new InvalidOperationException($"{Name} at {url} answered {(int)status} {System.Text.Encoding.UTF8.GetString(body)}");
        }
    }

    /// <summary>Runs all workers for <paramref name="duration"/>; only recorded phases count. Returns the phase's req/s.</summary>
    public async Task<double> RunAsync(TimeSpan duration, bool record)
    {
        // Workers stop on their own at the deadline; the token only bounds a stuck request.
        using var cancel = new CancellationTokenSource(duration + TimeSpan.FromSeconds(10));
        var samples = new List<long>[concurrency];
        long failed = 0;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        // Methods the JIT compiles while measured: after warm-up a steady server should compile ~none.
        var jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task WorkerAsync(int index)
        {
            var mine = samples[index] = new List<long>(record ? 4096 : 0);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var (status, body) = await SendAsync(cancel.Token);
                    var took = Stopwatch.GetTimestamp() - sent;
                    if (status != HttpStatusCode.OK || !body.AsSpan().SequenceEqual(expectedBody))
                    {
                        Interlocked.Increment(ref failed);
                    }
                    else if (record)
                    {
                        mine.Add(took);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(() => WorkerAsync(i))));
        var elapsed = Stopwatch.GetElapsedTime(start);
        var completed = samples.Sum(l => l.Count);
        if (record)
        {
            measured += elapsed;
            cpu += Environment.CpuUsage.TotalTime - cpuBefore;
            jitMethods += System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore;
            jitTime += System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore;
            errors += failed;
            foreach (var list in samples)
            {
                latencies.AddRange(list);
            }
        }

        return completed / elapsed.TotalSeconds;
    }

    public LoadResult Summarize()
    {
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        var tickMs = 1000.0 / Stopwatch.Frequency;
        return new LoadResult(
            Name,
            sorted.Length,
            errors,
            Volatile.Read(ref connections),
            measured.TotalSeconds,
            Percentile(sorted, 0.50) * tickMs,
            Percentile(sorted, 0.99) * tickMs,
            sorted.Length == 0 ? double.NaN : sorted.Average() * tickMs,
            cpu,
            jitMethods,
            jitTime);
    }

    public void Dispose() => client.Dispose();

    private async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(requestBody);
        content.Headers.ContentType = JsonContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content, Version = HttpVersion.Version11 };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
