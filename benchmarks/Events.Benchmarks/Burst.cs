using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CertifyTrack.Benchmarks.Common;

namespace CertifyTrack.Events.Benchmarks;

/// <summary>One student's answer in a burst: their index, the mutation's payload (null on a fault) and the latency.</summary>
internal sealed record Answer(int Student, int Status, JsonNode? Payload, string? Fault, TimeSpan Elapsed)
{
    public string? RegistrationStatus => Payload?["registration"]?["status"]?.GetValue<string>();

    public int? WaitlistPosition => Payload?["registration"]?["waitlistPosition"]?.GetValue<int?>();
}

/// <summary>
/// Sends one mutation per student, all at once: every request is built and waiting on one gate,
/// which opens when all are ready; times the whole burst and each request, and counts SQL commands.
/// </summary>
internal static class Burst
{
    public const string Register = """
        mutation($id: ID!) { registerForEvent(input: { eventId: $id }) { registration { id status waitlistPosition } userErrors { code message } } }
        """;

    public const string Cancel = """
        mutation($id: ID!) { cancelRegistration(input: { eventId: $id }) { registration { id status } userErrors { code message } } }
        """;

    public static async Task<List<Answer>> RunAsync(string label, GraphQLClient client, CommandCounter counter,
        IReadOnlyList<int> students, IReadOnlyList<string> tokens, string mutation, string field, string eventId)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        counter.Take();
        var requests = students.Select(async s =>
        {
            await gate.Task;
            try
            {
                var (status, body, elapsed) = await client.TimedAsync(tokens[s], mutation, new { id = eventId });
                var payload = body?["data"]?[field];
                var fault = status != 200 || body?["errors"] is not null || payload is null ? $"{status} {body?.ToJsonString()}"
                    : payload["userErrors"]!.AsArray().Count > 0 ? payload["userErrors"]!.ToJsonString() : null;
                return new Answer(s, status, payload, fault, elapsed);
            }
            catch (HttpRequestException ex)
            {
                return new Answer(s, 0, null, ex.Message, TimeSpan.Zero);
            }
        }).ToList();
        var started = Stopwatch.GetTimestamp();
        gate.SetResult();
        var answers = (await Task.WhenAll(requests)).ToList();
        var wall = Stopwatch.GetElapsedTime(started);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var (ef, npgsql) = counter.Take();
        var latencies = answers.Select(a => a.Elapsed.TotalMilliseconds).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            ## {label}: {answers.Count} requests at once
            wall {wall.TotalMilliseconds:F0} ms, {answers.Count / wall.TotalSeconds:F0} req/s, latency p50 {Rank(latencies, 0.50):F0} ms, p95 {Rank(latencies, 0.95):F0} ms, p99 {Rank(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms
            process CPU {cpuUsed.TotalMilliseconds:F0} ms ({cpuUsed.TotalMilliseconds / answers.Count:F1} ms/request); SQL per request: {(double)ef / answers.Count:F1} EF statements, {(double)npgsql / answers.Count:F1} Npgsql round trips (incl. token validation and the commit); errors {answers.Count(a => a.Fault is not null)}
            """));
        return answers;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Rank(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
