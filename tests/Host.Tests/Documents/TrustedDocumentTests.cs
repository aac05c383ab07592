using System.Net;
using System.Text.Json;
using CertifyTrack.Host.GraphQL.Documents;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Documents;

/// <summary>
/// Trusted documents: an allow-list read from a folder (<c>&lt;hash&gt;.graphql</c> files, GraphQL Codegen's and
/// Apollo's JSON manifests); with <c>OnlyTrustedDocuments</c> every other document is refused, by text, by
/// hash or as an automatic persisted query, over HTTP and WebSocket. (Off, the graphql-http audit still
/// passes: GraphQLHttpAuditTests runs with the defaults.)
/// </summary>
public sealed class TrustedDocumentTests : IDisposable
{
    private const string FromFile = "query Typename { __typename }";
    private const string FromCodegen = "query Me { me { id } }";
    private const string FromApollo = "query Both { __typename me { id } }";
    private readonly string folder = Directory.CreateTempSubdirectory("certifytrack-trusted-").FullName;

    public TrustedDocumentTests()
    {
        File.WriteAllText(Path.Combine(folder, DocumentHash.Of(FromFile) + ".graphql"), FromFile);
        File.WriteAllText(Path.Combine(folder, "persisted-documents.json"), JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [DocumentHash.Of(FromCodegen)] = FromCodegen,
        }));
        File.WriteAllText(Path.Combine(folder, "persisted-query-manifest.json"), JsonSerializer.Serialize(new
        {
            format = "apollo-persisted-query-manifest",
            version = 1,
            operations = new[] { new { id = DocumentHash.Of(FromApollo), name = "Both", type = "query", body = FromApollo } },
        }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_trusted_documents_run_by_text_or_by_hash(string provider)
    {
        await using var app = await StartAsync(provider, only: true);
        using var client = app.CreateClient();

        foreach (var trusted in new[] { FromFile, FromCodegen, FromApollo })
        {
            var (byText, byTextBody) = await client.PostGraphQLAsync(trusted);
            Assert.Equal(HttpStatusCode.OK, byText.StatusCode);
            Assert.Empty(byTextBody.ErrorCodes());
            var (byHash, byHashBody) = await client.PostJsonAsync(new { extensions = PersistedQueryTests.Extensions(DocumentHash.Of(trusted)) });
            Assert.Equal(HttpStatusCode.OK, byHash.StatusCode);
            Assert.Equal(byTextBody.ToJson(), byHashBody.ToJson());
        }

        const string other = "{ __typename }";
        var (refused, refusedBody) = await client.PostGraphQLAsync(other);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["DOCUMENT_NOT_TRUSTED"], refusedBody.ErrorCodes());
        var (registering, registeringBody) = await client.PostJsonAsync(new { query = other, extensions = PersistedQueryTests.Extensions(DocumentHash.Of(other)) });
        Assert.Equal(HttpStatusCode.BadRequest, registering.StatusCode);
        Assert.Equal(["DOCUMENT_NOT_TRUSTED"], registeringBody.ErrorCodes());
        var (_, unknownBody) = await client.PostJsonAsync(new { extensions = PersistedQueryTests.Extensions(DocumentHash.Of(other)) });
        Assert.Equal(["DOCUMENT_NOT_TRUSTED"], unknownBody.ErrorCodes());
        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(other));
        get.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var getAnswer = await client.SendAsync(get, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, getAnswer.StatusCode);
    }

    [Fact]
    public async Task Over_websocket_an_untrusted_document_is_refused_too()
    {
        await using var app = await StartAsync("sqlite", only: true);
        var address = app.StartKestrel();
        using var socket = await WebSocketTestClient.ConnectAsync(address);
        await socket.InitAsync();

        await socket.SubscribeAsync("1", "{ __typename }");
        var refused = await socket.ReceiveAsync();
        await socket.SubscribeAsync("2", FromFile);
        var next = await socket.ReceiveAsync();

        Assert.Equal("error", refused["type"]!.GetValue<string>());
        Assert.Contains("DOCUMENT_NOT_TRUSTED", WebSocketTestClient.Json(refused), StringComparison.Ordinal);
        Assert.Equal("next", next["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_the_option_off_trusted_documents_run_by_hash_and_other_documents_as_usual()
    {
        await using var app = await StartAsync("sqlite", only: false);
        using var client = app.CreateClient();

        var (_, byHash) = await client.PostJsonAsync(new { extensions = PersistedQueryTests.Extensions(DocumentHash.Of(FromApollo)) });
        var (_, other) = await client.PostGraphQLAsync("{ __typename }");

        Assert.Equal("""{"data":{"__typename":"Query","me":null}}""", byHash.ToJson());
        Assert.Equal("""{"data":{"__typename":"Query"}}""", other.ToJson());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_trusted_document_runs_by_its_document_id_over_post_and_get(bool only)
    {
        await using var app = await StartAsync("sqlite", only);
        using var client = app.CreateClient();
        var id = "sha256:" + DocumentHash.Of(FromApollo);

        var (post, postBody) = await client.PostJsonAsync(new { documentId = id, operationName = "Both" });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query","me":null}}""", postBody.ToJson());
        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?documentId=" + Uri.EscapeDataString(id.ToUpperInvariant().Replace("SHA256:", "sha256:", StringComparison.Ordinal)));
        get.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var getAnswer = await client.SendAsync(get, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, getAnswer.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query","me":null}}""", await getAnswer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("public", getAnswer.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        // An id names a trusted document only: not a text the server merely has in its cache (one any client sent).
        var (_, cached) = await client.PostGraphQLAsync("{ __typename }");
        Assert.Equal(only ? ["DOCUMENT_NOT_TRUSTED"] : [], cached.ErrorCodes());
        var (unknown, unknownBody) = await client.PostJsonAsync(new { documentId = "sha256:" + DocumentHash.Of("{ __typename }") });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["PERSISTED_DOCUMENT_NOT_FOUND"], unknownBody.ErrorCodes());
        foreach (var malformed in new[] { DocumentHash.Of(FromApollo), "md5:" + DocumentHash.Of(FromApollo), "sha256:abc" })
        {
            var (_, body) = await client.PostJsonAsync(new { documentId = malformed });
            Assert.Equal(["INVALID_DOCUMENT_ID"], body.ErrorCodes());
        }

        var (both, bothBody) = await client.PostJsonAsync(new { documentId = id, query = FromApollo });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(["INVALID_REQUEST"], bothBody.ErrorCodes());
        var (notText, _) = await client.PostJsonAsync(new { documentId = 42 });
        Assert.Equal(HttpStatusCode.BadRequest, notText.StatusCode);
    }

    [Fact]
    public async Task A_file_whose_name_is_not_the_hash_of_its_text_stops_the_host()
    {
        File.WriteAllText(Path.Combine(folder, DocumentHash.Of("{ x }") + ".graphql"), "{ y }");
        await using var app = await StartAsync("sqlite", only: false);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("is not the SHA-256 of its text", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<TestApp> StartAsync(string provider, bool only) => TestApp.StartAsync(provider, settings: new Dictionary<string, string?>
    {
        ["GraphQL:PersistedDocuments:TrustedDocumentsPath"] = folder,
        ["GraphQL:PersistedDocuments:OnlyTrustedDocuments"] = only ? "true" : "false",
    });
}
