using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertifyTrack.Events.Benchmarks;

/// <summary>
/// POSTs GraphQL documents to the host over real loopback HTTP/1.1, one pooled connection per
/// concurrent request (up to <paramref name="connections"/>), each with the caller's bearer token.
/// </summary>
internal sealed class GraphQLClient(Uri baseAddress, int connections) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>The <c>data</c> of the answer; throws on a non-200 status or top-level errors.</summary>
    public async Task<JsonNode> SendAsync(string? token, string query, object? variables = null)
    {
        var (status, body, _) = await TimedAsync(token, query, variables);
        return status == 200 && body?["errors"] is null && body?["data"] is { } data
            ? data
            : throw new InvalidOperationException($"{query}: {status} {body?.ToJsonString()}");
    }

    /// <summary>Status, parsed body and time from the first byte sent to the last byte read.</summary>
    public async Task<(int Status, JsonNode? Body, TimeSpan Elapsed)> TimedAsync(string? token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            body = null;
        }

        return ((int)response.StatusCode, body, elapsed);
    }

    public void Dispose() => http.Dispose();
}
