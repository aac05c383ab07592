using System.Text.Json;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Documents;

/// <summary>
/// Automatic persisted queries with a real client: urql with its persisted-queries exchange
/// (tests/e2e/apq-urql.mjs) against the live host, over POST and over GET. The client sends the
/// hash alone, gets <c>PersistedQueryNotFound</c>, sends the text with the hash once, and its
/// next call of the same query goes by hash alone and is answered.
/// </summary>
public sealed class UrqlPersistedQueryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Urql_registers_a_query_on_a_miss_then_sends_only_its_hash(string provider)
    {
        NodeSuite.RequireInstalled();
        await using var app = await TestApp.StartAsync(provider);
        var url = new Uri(app.StartKestrel(), "/graphql").ToString();

        foreach (var method in new[] { "POST", "GET" })
        {
            var output = await NodeSuite.RunAsync("apq-urql.mjs", TimeSpan.FromMinutes(1), url, method);
            var run = JsonSerializer.Deserialize<UrqlRun>(output, JsonSerializerOptions.Web)!;

            Assert.All(run.Results, r => Assert.Null(r.Error));
            Assert.All(run.Results, r => Assert.Equal("Query", r.Data?.GetProperty("__typename").GetString()));
            var exchanges = run.Exchanges;
            Assert.Equal(3, exchanges.Count);
            Assert.All(exchanges, e => Assert.Equal(method, e.Method));
            Assert.All(exchanges, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
            Assert.Single(exchanges.Select(e => e.Hash).Distinct());
            // 1: the hash alone, unknown to the server.
            Assert.False(exchanges[0].SentText);
            Assert.Equal(["PersistedQueryNotFound"], exchanges[0].Errors);
            // 2: the client's retry with the text, which registers it.
            Assert.True(exchanges[1].SentText);
            Assert.Equal(200, exchanges[1].Status);
            Assert.Empty(exchanges[1].Errors);
            // 3: the second call: the hash alone, now answered.
            Assert.False(exchanges[2].SentText);
            Assert.Equal(200, exchanges[2].Status);
            Assert.Empty(exchanges[2].Errors);
        }
    }

    private sealed record UrqlRun(List<UrqlResult> Results, List<UrqlExchange> Exchanges);

    private sealed record UrqlResult(JsonElement? Data, string? Error);

    private sealed record UrqlExchange(string Method, bool SentText, string? Hash, int Status, List<string> Errors);
}
