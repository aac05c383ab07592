using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Auth;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Budgets;

/// <summary>
/// The document budget is checked right after parsing, before any validation rule, on every
/// transport; validation itself runs under a time budget. Validation once cost 75 s of CPU for
/// 3,000 fragments spread side by side, anonymously.
/// </summary>
public sealed class DocumentBudgetTests
{
    private static readonly string[] BudgetCodes =
    [
        "MAX_DOCUMENT_BYTES_EXCEEDED", "MAX_NODES_EXCEEDED", "MAX_SELECTIONS_EXCEEDED", "MAX_FRAGMENTS_EXCEEDED",
        "MAX_FRAGMENT_SPREADS_EXCEEDED", "MAX_DIRECTIVES_EXCEEDED", "MAX_ALIASES_EXCEEDED", "MAX_NESTING_EXCEEDED", "MAX_OVERLAPPING_FIELDS_EXCEEDED",
    ];

    [Theory]
    [InlineData("MaxDocumentBytes", "30", "{ __typename }", "ok")]
    [InlineData("MaxDocumentBytes", "30", "{ __typename __typename __typename }", "MAX_DOCUMENT_BYTES_EXCEEDED")]
    [InlineData("MaxDocumentBytes", "30", "{ __typename # a comment that makes it long }", "MAX_DOCUMENT_BYTES_EXCEEDED")]
    [InlineData("MaxNodes", "10", "{ __typename }", "ok")]
    [InlineData("MaxNodes", "10", "{ a: __typename b: __typename c: __typename }", "MAX_NODES_EXCEEDED")]
    [InlineData("MaxSelections", "3", "{ __typename __typename __typename }", "ok")]
    [InlineData("MaxSelections", "3", "{ __typename __typename ... on Query { __typename } }", "MAX_SELECTIONS_EXCEEDED")]
    [InlineData("MaxFragments", "1", "{ ...A } fragment A on Query { __typename }", "ok")]
    [InlineData("MaxFragments", "1", "{ ...A ...B } fragment A on Query { __typename } fragment B on Query { __typename }", "MAX_FRAGMENTS_EXCEEDED")]
    [InlineData("MaxFragmentSpreads", "2", "{ ...A ...A } fragment A on Query { __typename }", "ok")]
    [InlineData("MaxFragmentSpreads", "2", "{ ...A ...A ... on Query { ...A } } fragment A on Query { __typename }", "MAX_FRAGMENT_SPREADS_EXCEEDED")]
    [InlineData("MaxDirectives", "2", "{ __typename @include(if: true) __typename @skip(if: false) }", "ok")]
    [InlineData("MaxDirectives", "2", "{ __typename @include(if: true) __typename @skip(if: false) __typename @include(if: true) }", "MAX_DIRECTIVES_EXCEEDED")]
    [InlineData("MaxAliases", "2", "{ a: __typename b: __typename }", "ok")]
    [InlineData("MaxAliases", "2", "{ a: __typename b: __typename c: __typename }", "MAX_ALIASES_EXCEEDED")]
    [InlineData("MaxOverlappingFieldPairs", "2", "{ a: __typename a: __typename a: __typename nodes(ids: []) { id } nodes(ids: []) { id } }", "ok")]
    [InlineData("MaxOverlappingFieldPairs", "2", "{ node(id: \"1\") { id } node(id: \"2\") { id } node(id: \"3\") { id } }", "MAX_OVERLAPPING_FIELDS_EXCEEDED")]
    [InlineData("MaxOverlappingFieldPairs", "2", "{ node(id: \"1\") { id } node(id: \"1\") { id } node(id: \"1\") { id } }", "MAX_OVERLAPPING_FIELDS_EXCEEDED")]
    [InlineData("MaxOverlappingFieldPairs", "2", "{ ...A ... on Query { ...B } ...C } fragment A on Query { node(id: \"1\") { id } } fragment B on Query { node(id: \"2\") { id } } fragment C on Query { node(id: \"3\") { id } }", "MAX_OVERLAPPING_FIELDS_EXCEEDED")]
    [InlineData("MaxNesting", "20", "{ nodes(ids: [[[\"x\"]]]) { id } }", "INVALID")]
    [InlineData("MaxNesting", "20", "{ nodes(ids: [[[[[[[[[[[[[[[[\"x\"]]]]]]]]]]]]]]]]) { id } }", "MAX_NESTING_EXCEEDED")]
    public async Task Each_budget_refuses_a_document_over_it_before_validation(string limit, string value, string query, string expected)
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["GraphQL:Limits:" + limit] = value });
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync(query);

        switch (expected)
        {
            case "ok":
                Assert.True(response.StatusCode == HttpStatusCode.OK && body["errors"] is null, body.ToJson());
                break;
            case "INVALID": // within the budget: the spec's rules see it (a list of lists is not a list of ids)
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.DoesNotContain(body.ErrorCodes(), BudgetCodes.Contains);
                break;
            default:
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal([expected], body.ErrorCodes());
                break;
        }
    }

    [Fact]
    public async Task Fragment_typename_and_conflict_floods_are_refused_quickly_while_a_sign_in_and_a_query_still_work()
    {
        await using var app = await TokenApp.StartAsync("sqlite");
        await app.AddUserAsync("asha");
        var attacks = new[] { FragmentFlood(), TypenameFlood(), ConflictFlood() };
        Assert.True(attacks[0].Length > 140_000 && attacks[1].Length > 170_000 && attacks[2].Length < 30_000);

        var watch = Stopwatch.StartNew();
        var refused = Enumerable.Range(0, 12).Select(i => app.Client.PostGraphQLAsync(attacks[i % 3])).ToList();
        var (status, token) = await app.PasswordGrantAsync("asha", TokenApp.Password);
        var me = await app.QueryAsync("{ me { username } }", token["access_token"]!.GetValue<string>());
        var answers = await Task.WhenAll(refused);

        Assert.Equal(200, status);
        Assert.Equal("""{"data":{"me":{"username":"asha"}}}""", me.ToJson());
        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.Response.StatusCode);
            Assert.Contains(Assert.Single(a.Body.ErrorCodes()), BudgetCodes);
        });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"12 refusals and a sign-in took {watch.Elapsed}"); // was minutes of CPU
    }

    [Fact]
    public async Task Each_budget_holds_on_its_own_when_the_bytes_allow_the_flood()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GraphQL:Limits:MaxDocumentBytes"] = "1000000",
            ["GraphQL:Limits:MaxNodes"] = "1000000",
        });
        using var client = app.CreateClient();

        var (_, typenames) = await client.PostGraphQLAsync(TypenameFlood());
        var (_, fragments) = await client.PostGraphQLAsync(FragmentFlood());

        Assert.Equal(["MAX_SELECTIONS_EXCEEDED"], typenames.ErrorCodes());
        Assert.Equal(["MAX_SELECTIONS_EXCEEDED"], fragments.ErrorCodes()); // 6,000 selections before 3,000 fragments
    }

    [Fact]
    public async Task Each_item_of_a_batch_gets_the_budget()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        var (response, body) = await client.PostJsonAsync(new object[] { new { query = "{ __typename }" }, new { query = TypenameFlood() } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", body![0].ToJson());
        Assert.Equal(["MAX_DOCUMENT_BYTES_EXCEEDED"], body[1].ErrorCodes());
    }

    [Fact]
    public async Task Validation_past_its_time_budget_is_refused()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["GraphQL:Limits:ValidationTimeout"] = "00:00:00.0000001" });
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync("{ " + string.Join(' ', Enumerable.Repeat("__typename", 500)) + " }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["VALIDATION_TIMEOUT"], body.ErrorCodes());
    }

    [Fact]
    public async Task A_websocket_subscribe_gets_the_document_budget_and_the_validation_time_budget()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["GraphQL:Limits:ValidationTimeout"] = "00:00:00.0000001" });
        using var socket = await WebSocketTestClient.ConnectAsync(app.StartKestrel());
        await socket.InitAsync();

        await socket.SubscribeAsync("flood", TypenameFlood());
        var flood = await socket.ReceiveAsync();
        await socket.SubscribeAsync("slow", "{ " + string.Join(' ', Enumerable.Repeat("__typename", 500)) + " }");
        var slow = await socket.ReceiveAsync();

        Assert.Equal(("error", "MAX_DOCUMENT_BYTES_EXCEEDED"), (Type(flood), Code(flood)));
        Assert.Equal(("error", "VALIDATION_TIMEOUT"), (Type(slow), Code(slow)));
    }

    /// <summary>3,000 fragments spread side by side: 142 KB.</summary>
    internal static string FragmentFlood() =>
        "{ " + string.Concat(Enumerable.Range(0, 3000).Select(i => $"...F{i} ")) + "} "
        + string.Concat(Enumerable.Range(0, 3000).Select(i => $"fragment F{i} on Query {{ __typename }} "));

    /// <summary>1,000 <c>node</c> fields with different ids: 11 KB that made 124,750 conflict errors in validation.</summary>
    internal static string ConflictFlood() => "{ " + string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"node(id: \"{i}\") {{ id }}")) + " }";

    /// <summary><c>{ __typename }</c> 16,000 times.</summary>
    internal static string TypenameFlood() => "{ " + string.Join(' ', Enumerable.Repeat("__typename", 16_000)) + " }";

    private static string Type(JsonObject message) => message["type"]!.GetValue<string>();

    private static string Code(JsonObject message) => message["payload"]![0]!["extensions"]!["code"]!.GetValue<string>();
}
