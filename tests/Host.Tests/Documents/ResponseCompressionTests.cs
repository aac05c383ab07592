using System.IO.Compression;
using System.Net;
using System.Text;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Documents;

/// <summary>JSON answers of <c>/graphql</c> at or above the configured size are compressed as the client's Accept-Encoding allows.</summary>
public sealed class ResponseCompressionTests
{
    private const string Expected = """{"data":{"a":"Query","b":"Query","c":"Query"}}""";
    private const string Query = "{ a: __typename b: __typename c: __typename }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answers_above_the_threshold_are_compressed_with_brotli_or_gzip(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["GraphQL:Http:CompressionMinimumBytes"] = "32" });
        using var client = app.CreateClient();

        Assert.Equal(Expected, await SendAsync(client, Query, "gzip, deflate, br", "br"));
        Assert.Equal(Expected, await SendAsync(client, Query, "gzip", "gzip"));
        Assert.Equal(Expected, await SendAsync(client, Query, "br;q=0.5, gzip", "gzip"));
        Assert.Equal(Expected, await SendAsync(client, Query, "br;q=0, identity", null));
        Assert.Equal(Expected, await SendAsync(client, Query, null, null));
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await SendAsync(client, "{ __typename }", "br", null)); // 31 bytes: below
    }

    [Fact]
    public async Task By_default_small_answers_are_not_compressed_and_large_ones_are()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        var many = "{ " + string.Join(' ', Enumerable.Range(0, 30).Select(i => $"a_rather_long_alias_of_typename_{i}: __typename")) + " }";

        Assert.Equal(Expected, await SendAsync(client, Query, "br", null));
        var large = await SendAsync(client, many, "br", "br");
        Assert.True(Encoding.UTF8.GetByteCount(large) >= 1024, large);
        Assert.StartsWith("""{"data":{"a_rather_long_alias_of_typename_0":"Query",""", large, StringComparison.Ordinal);
    }

    /// <summary>Posts the query and returns the decompressed answer, checking its Content-Encoding.</summary>
    private static async Task<string> SendAsync(HttpClient client, string query, string? acceptEncoding, string? expectedEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent($$"""{"query":"{{query}}"}""", Encoding.UTF8, "application/json") };
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedEncoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using var raw = await response.Content.ReadAsStreamAsync(Ct);
        await using Stream body = expectedEncoding switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            _ => raw,
        };
        using var reader = new StreamReader(body, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }
}
