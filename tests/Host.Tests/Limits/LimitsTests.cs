using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Limits;

public sealed class LimitsTests
{
    private const string Deep = "{ items { children { children { children { name } } } } }";

    [Theory]
    [InlineData("{ items { children { children { name } } } }", "ok")]
    [InlineData(Deep, "MAX_DEPTH_EXCEEDED")]
    [InlineData("{ ...A } fragment A on Query { items { ...B } } fragment B on TestItem { children { children { children { name } } } }", "MAX_DEPTH_EXCEEDED")]
    [InlineData("query Q($deep: Boolean!) { items { children { children { children @include(if: $deep) { name } name } } } }", "ok")]
    [InlineData("{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }", "ok")]
    public async Task Depth_is_limited(string query, string expected)
    {
        var variables = query.Contains("$deep", StringComparison.Ordinal) ? new { deep = false } : null;
        await AssertOutcomeAsync(new() { ["GraphQL:Limits:MaxDepth"] = "3" }, query, expected, variables);
    }

    [Theory]
    [InlineData("{ items(first: 2) { name children(first: 2) { name } } }", "ok")]
    [InlineData("{ items { name children { name } } }", "MAX_COMPLEXITY_EXCEEDED")]
    [InlineData("{ itemConnection(first: 5) { edges { node { name } } } }", "ok")]
    [InlineData("{ itemConnection(first: 50) { edges { node { name } } } }", "MAX_COMPLEXITY_EXCEEDED")]
    [InlineData("{ itemConnection(last: 50) { nodes { name children(first: 1) { name } } } }", "MAX_COMPLEXITY_EXCEEDED")]
    [InlineData("{ __schema { types { name fields { name args { name } } } } }", "ok")]
    public async Task Complexity_multiplies_by_list_size_and_connection_first_or_last(string query, string expected)
    {
        // items: 1; without first each list counts 10 (ListMultiplier): 1 + 10 + 10 + 100 = 121 > 100.
        await AssertOutcomeAsync(new() { ["GraphQL:Limits:MaxComplexity"] = "100" }, query, expected);
    }

    [Fact]
    public async Task A_fragment_bomb_is_refused_as_too_complex_without_expanding_it()
    {
        var fragments = string.Concat(Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} "));
        var query = "{ ...F0 } " + fragments + "fragment F30 on Query { items(first: 1) { name } }";

        // The document budget refuses it first by default (2^30 repeated fields to compare,
        // MAX_OVERLAPPING_FIELDS_EXCEEDED); here it is raised to show the complexity rule holds too.
        await AssertOutcomeAsync(new() { ["GraphQL:Limits:MaxComplexity"] = "1000", ["GraphQL:Limits:MaxOverlappingFieldPairs"] = "1000000" }, query, "MAX_COMPLEXITY_EXCEEDED");
    }

    [Theory]
    [InlineData("{ a: items(first: 1) { n: name } b: items(first: 1) { name } c: items(first: 1) { name } }", "ok")]
    [InlineData("{ a: items(first: 1) { n: name } b: items(first: 1) { name } c: items(first: 1) { name } d: items(first: 1) { name } }", "MAX_ALIASES_EXCEEDED")]
    public async Task Aliases_per_document_are_limited(string query, string expected)
    {
        await AssertOutcomeAsync(new() { ["GraphQL:Limits:MaxAliases"] = "4" }, query, expected);
    }

    [Fact]
    public async Task An_operation_running_past_the_timeout_is_cancelled_and_answered_with_execution_timeout()
    {
        var probe = new LimitsTestModule.Probe();
        await using var app = await StartAsync(new() { ["GraphQL:Limits:ExecutionTimeout"] = "00:00:00.5" }, probe);
        using var client = app.CreateClient();
        // A first request warms the pipeline up: on a busy machine a cold parse and validation can
        // take the whole half second, and the resolver would never start to be cancelled.
        await client.PostGraphQLAsync("{ items(first: 1) { name } }");

        var (response, body) = await client.PostGraphQLAsync("{ hang }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["EXECUTION_TIMEOUT"], body.ErrorCodes());
        Assert.True(body.ContainsKey("data") && body["data"] is null, body.ToJson());
        await probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    private static async Task AssertOutcomeAsync(Dictionary<string, string?> settings, string query, string expected, object? variables = null)
    {
        await using var app = await StartAsync(settings);
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync(query, variables);

        if (expected == "ok")
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK && !body.ContainsKey("errors"), body.ToJson());
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([expected], body.ErrorCodes());
        }
    }

    private static Task<TestApp> StartAsync(Dictionary<string, string?> settings, LimitsTestModule.Probe? probe = null) =>
        TestApp.StartAsync(settings: settings, configureServices: s =>
        {
            s.AddSingleton(probe ?? new LimitsTestModule.Probe());
            s.AddSingleton<IGraphQLModule, LimitsTestModule>();
        });
}
