using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Host.GraphQL.Documents;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Documents;

/// <summary>
/// Automatic persisted queries as Apollo Client and urql speak them, over POST and GET: the hash alone,
/// <c>PersistedQueryNotFound</c>, the hash and text once, then the hash alone again; GET answers of
/// anonymous queries are cacheable, signed-in ones never.
/// </summary>
public sealed class PersistedQueryTests
{
    private const string Query = "query Typename { __typename }";
    private static readonly string Hash = DocumentHash.Of(Query);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_hash_alone_is_not_found_then_the_text_registers_it_for_post_and_get(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, s => s.AddTestAuthentication());
        using var client = app.CreateClient();

        var (notFound, notFoundBody) = await client.PostJsonAsync(new { extensions = Extensions(Hash) });
        Assert.Equal(HttpStatusCode.BadRequest, notFound.StatusCode);
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], notFoundBody.ErrorCodes());
        Assert.Equal("PersistedQueryNotFound", notFoundBody.ErrorMessages());
        var (legacy, legacyBody) = await client.PostJsonAsync(new { extensions = Extensions(Hash) }, accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode); // application/json answers request errors with 200
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], legacyBody.ErrorCodes());

        var (registered, registeredBody) = await client.PostJsonAsync(new { query = Query, extensions = Extensions(Hash) });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", registeredBody.ToJson());

        var (byHash, byHashBody) = await client.PostJsonAsync(new { extensions = Extensions(Hash.ToUpperInvariant()) });
        Assert.Equal(HttpStatusCode.OK, byHash.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", byHashBody.ToJson());

        using var get = await client.GetAsync(GetUrl(Hash), Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await get.Content.ReadAsStringAsync(Ct));
        Assert.Equal("public, max-age=30", get.Headers.CacheControl?.ToString());
        Assert.Contains("Authorization", get.Headers.Vary);
        Assert.Contains("Accept", get.Headers.Vary);
    }

    [Fact]
    public async Task Signed_in_answers_errors_and_posts_are_never_cacheable()
    {
        await using var app = await TestApp.StartAsync(configureServices: s => s.AddTestAuthentication());
        using var client = app.CreateClient();
        await client.PostJsonAsync(new { query = Query, extensions = Extensions(Hash) });

        using var signedIn = new HttpRequestMessage(HttpMethod.Get, GetUrl(Hash));
        signedIn.Headers.Authorization = new("Bearer", TestAuthenticationHandler.Token("2", Roles.Student));
        using var signedInAnswer = await client.SendAsync(signedIn, Ct);
        Assert.Equal(HttpStatusCode.OK, signedInAnswer.StatusCode);
        Assert.Equal("no-store", signedInAnswer.Headers.CacheControl?.ToString());

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ auditLog(first: 1) { totalCount } }"));
        anonymous.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var refused = await client.SendAsync(anonymous, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());

        var (post, _) = await client.PostJsonAsync(new { extensions = Extensions(Hash) });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("no-store", post.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_hash_that_is_not_the_texts_or_malformed_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        var (mismatch, mismatchBody) = await client.PostJsonAsync(new { query = "{ __typename }", extensions = Extensions(Hash) });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(["PERSISTED_QUERY_HASH_MISMATCH"], mismatchBody.ErrorCodes());
        Assert.Null(app.Services.GetRequiredService<DocumentCache>().Find(Hash)); // nothing was registered under it

        var (version, versionBody) = await client.PostJsonAsync(new { extensions = new { persistedQuery = new { version = 2, sha256Hash = Hash } } });
        Assert.Equal(HttpStatusCode.BadRequest, version.StatusCode);
        Assert.Equal(["INVALID_PERSISTED_QUERY"], versionBody.ErrorCodes());

        var (shortHash, shortBody) = await client.PostJsonAsync(new { extensions = Extensions("abc") });
        Assert.Equal(["INVALID_PERSISTED_QUERY"], shortBody.ErrorCodes());
        Assert.Equal(HttpStatusCode.BadRequest, shortHash.StatusCode);

        var (missing, missingBody) = await client.PostJsonAsync(new { variables = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["MISSING_QUERY"], missingBody.ErrorCodes());
    }

    [Fact]
    public async Task With_automatic_persisted_queries_off_a_hash_alone_is_not_supported()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GraphQL:PersistedDocuments:AutomaticPersistedQueries"] = "false",
        });
        using var client = app.CreateClient();
        await client.PostJsonAsync(new { query = Query, extensions = Extensions(Hash) });

        var (_, body) = await client.PostJsonAsync(new { extensions = Extensions(Hash) });

        Assert.Equal(["PERSISTED_QUERY_NOT_SUPPORTED"], body.ErrorCodes());
        Assert.Equal("PersistedQueryNotSupported", body.ErrorMessages());
    }

    [Fact]
    public async Task Cache_control_can_be_switched_off()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["GraphQL:Http:AnonymousGetMaxAge"] = "00:00:00" });
        using var client = app.CreateClient();

        using var get = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(Query), Ct);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("no-store", get.Headers.CacheControl?.ToString());
    }

    internal static object Extensions(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    internal static string GetUrl(string hash) =>
        "/graphql?extensions=" + Uri.EscapeDataString(JsonContent.Create(Extensions(hash)).ReadAsStringAsync().GetAwaiter().GetResult());
}
