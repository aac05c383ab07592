using System.Net;
using CertifyTrack.Host.GraphQL;
using CertifyTrack.Host.GraphQL.Documents;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Documents;

/// <summary>
/// The document cache through the real endpoint: a cached document skips parsing and the spec's
/// rules, and still gets every rule that depends on the caller or the request (authorization, the
/// variables' checks, <c>@skip</c>/<c>@include</c>, variable coercion) on every request.
/// </summary>
public sealed class DocumentCacheTests
{
    private const string Audit = "query Audit { auditLog(first: 1) { totalCount } }";

    private static readonly string Admin = TestAuthenticationHandler.Token("1", Roles.Admin);
    private static readonly string Student = TestAuthenticationHandler.Token("2", Roles.Student);
    private static readonly string[] TwoIds = ["VXNlcjox", "VXNlcjoy"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cached_document_never_lets_a_field_through_for_a_caller_who_may_not_see_it(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = app.CreateClient();
        var reversed = "query Audit {\n  auditLog(first: 1) { totalCount }\n}"; // another text: its own cache entry

        // Admin first, then a student, then anonymous, then the admin again: one cached document.
        await AssertAllowedAsync(client, Audit, Admin);
        Assert.Equal(StaticValidity.Valid, Cached(app, Audit)!.StaticValidity);
        await AssertRefusedAsync(client, Audit, Student, "FORBIDDEN");
        await AssertRefusedAsync(client, Audit, null, "UNAUTHENTICATED");
        await AssertAllowedAsync(client, Audit, Admin);

        // The reverse: the student first, so the document is cached by a refused request.
        await AssertRefusedAsync(client, reversed, Student, "FORBIDDEN");
        Assert.NotNull(Cached(app, reversed));
        await AssertAllowedAsync(client, reversed, Admin);
        await AssertRefusedAsync(client, reversed, Student, "FORBIDDEN");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Include_and_skip_by_variable_are_decided_per_request_on_a_cached_document(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = app.CreateClient();
        const string query = "query Q($audit: Boolean!) { __typename ... @include(if: $audit) { auditLog(first: 1) { totalCount } } }";

        var (_, hidden) = await client.PostGraphQLAsync(query, new { audit = false }, token: Student);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", hidden.ToJson());
        Assert.Equal(StaticValidity.Valid, Cached(app, query)!.StaticValidity);

        var (response, shown) = await client.PostGraphQLAsync(query, new { audit = true }, token: Student);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["FORBIDDEN"], shown.ErrorCodes());
        Assert.Null(shown["data"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Variables_are_still_checked_on_a_cached_document(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = app.CreateClient();
        const string nodes = "query N($ids: [ID!]!) { nodes(ids: $ids) { id } }";
        const string node = "query One($id: ID!) { node(id: $id) { id } }";

        var (_, two) = await client.PostGraphQLAsync(nodes, new { ids = TwoIds }, token: Admin);
        Assert.Empty(two.ErrorCodes());
        var (tooMany, tooManyBody) = await client.PostGraphQLAsync(nodes, new { ids = Enumerable.Range(1, 101).Select(i => $"id{i}").ToArray() }, token: Admin);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["TOO_MANY_ITEMS"], tooManyBody.ErrorCodes());

        var (_, fine) = await client.PostGraphQLAsync(node, new { id = "VXNlcjox" }, token: Admin);
        Assert.Empty(fine.ErrorCodes());
        Assert.Equal("VXNlcjox", fine["data"]!["node"]!["id"]!.GetValue<string>());
        var (_, control) = await client.PostGraphQLAsync(node, new { id = "a\u0001b" }, token: Admin);
        Assert.Equal(["INVALID_TEXT"], control.ErrorCodes());
        var (missing, missingBody) = await client.PostGraphQLAsync(node, new { }, token: Admin);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotEmpty(missingBody.ErrorCodes());
        Assert.Null(missingBody["data"]);
        Assert.Equal(StaticValidity.Valid, Cached(app, node)!.StaticValidity);
    }

    [Fact]
    public async Task An_invalid_document_is_answered_the_same_every_time()
    {
        await using var app = await StartAsync("sqlite");
        using var client = app.CreateClient();
        const string query = "{ nope auditLog(first: 1) { totalCount } }";

        var (first, firstBody) = await client.PostGraphQLAsync(query, token: Student);
        var (second, secondBody) = await client.PostGraphQLAsync(query, token: Student);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(firstBody.ToJson(), secondBody.ToJson());
        Assert.NotEmpty(secondBody.ErrorCodes());
        Assert.Equal(StaticValidity.Invalid, Cached(app, query)!.StaticValidity);
    }

    [Fact]
    public async Task The_cache_keeps_at_most_its_entries_least_recently_used_out_first()
    {
        await using var app = await StartAsync("sqlite", new() { ["GraphQL:DocumentCache:MaxEntries"] = "2" });
        using var client = app.CreateClient();
        string[] queries = ["{ a: __typename }", "{ b: __typename }", "{ c: __typename }"];

        foreach (var query in queries)
        {
            var (response, _) = await client.PostGraphQLAsync(query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await client.PostGraphQLAsync(queries[0]); // a stays the most recently used
        }

        Assert.Equal(2, app.Services.GetRequiredService<DocumentCache>().Count);
        Assert.NotNull(Cached(app, queries[0]));
        Assert.Null(Cached(app, queries[1]));
        Assert.NotNull(Cached(app, queries[2]));
    }

    [Fact]
    public async Task Documents_over_the_budget_are_refused_every_time_and_not_kept()
    {
        await using var app = await StartAsync("sqlite", new() { ["GraphQL:Limits:MaxAliases"] = "1" });
        using var client = app.CreateClient();
        const string query = "{ a: __typename b: __typename }";

        for (var i = 0; i < 2; i++)
        {
            var (response, body) = await client.PostGraphQLAsync(query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["MAX_ALIASES_EXCEEDED"], body.ErrorCodes());
        }

        Assert.Null(Cached(app, query));
    }

    private static CachedDocument? Cached(TestApp app, string text) =>
        app.Services.GetRequiredService<DocumentCache>().Find(DocumentHash.Of(text));

    private static Task<TestApp> StartAsync(string provider, Dictionary<string, string?>? settings = null) =>
        TestApp.StartAsync(provider, s => s.AddTestAuthentication(), settings);

    private static async Task AssertAllowedAsync(HttpClient client, string query, string token)
    {
        var (response, body) = await client.PostGraphQLAsync(query, token: token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body.ErrorCodes());
        Assert.True(body["data"]!["auditLog"]!["totalCount"]!.GetValue<int>() >= 0);
    }

    private static async Task AssertRefusedAsync(HttpClient client, string query, string? token, string code)
    {
        var (response, body) = await client.PostGraphQLAsync(query, token: token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([code], body.ErrorCodes());
        Assert.Null(body["data"]);
    }
}
