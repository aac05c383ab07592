using System.Net;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Budgets;

/// <summary>
/// Deep list and object literals and deep JSON variables are request errors with a code, on
/// every transport, never a 500 (which, in Development, carried a stack trace).
/// </summary>
public sealed class DeepLiteralTests
{
    private static readonly string DeepList = new string('[', 300) + "\"x\"" + new string(']', 300);
    private static readonly string DeepObject = string.Concat(Enumerable.Repeat("{ a: ", 300)) + "1" + new string('}', 300);

    [Theory]
    [InlineData("list")]
    [InlineData("object")]
    public async Task A_300_deep_literal_is_a_400_with_max_nesting_exceeded_by_post_get_and_batch(string shape)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        var query = $"{{ nodes(ids: {(shape == "list" ? DeepList : DeepObject)}) {{ id }} }}";

        var (post, postBody) = await client.PostGraphQLAsync(query);
        using var getRequest = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        getRequest.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var get = await client.SendAsync(getRequest, TestContext.Current.CancellationToken);
        var getBody = JsonNode.Parse(await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var (batch, batchBody) = await client.PostJsonAsync(new object[] { new { query } });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK), (post.StatusCode, get.StatusCode, batch.StatusCode));
        Assert.Equal(["MAX_NESTING_EXCEEDED"], postBody.ErrorCodes());
        Assert.Equal(["MAX_NESTING_EXCEEDED"], getBody.ErrorCodes());
        Assert.Equal(["MAX_NESTING_EXCEEDED"], batchBody![0].ErrorCodes());
        Assert.DoesNotContain("   at ", postBody.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_300_deep_literal_over_a_websocket_is_an_error_message_with_a_code()
    {
        await using var app = await TestApp.StartAsync();
        using var socket = await WebSocketTestClient.ConnectAsync(app.StartKestrel());
        await socket.InitAsync();

        await socket.SubscribeAsync("deep", $"{{ nodes(ids: {DeepList}) {{ id }} }}");
        var answer = await socket.ReceiveAsync();

        Assert.Equal("error", answer["type"]!.GetValue<string>());
        Assert.Equal("MAX_NESTING_EXCEEDED", answer["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(300, "INVALID_JSON")]  // deeper than JSON is read
    [InlineData(60, null)]             // read, then refused by variable coercion
    public async Task Deep_json_variables_are_a_400_with_a_code(int depth, string? code)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        var ids = new string('[', depth) + "\"x\"" + new string(']', depth); // written by hand: System.Text.Json writes at most 64 levels
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"query($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":""" + ids + "}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = body.ErrorCodes();
        Assert.NotEmpty(codes);
        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", codes);
        Assert.DoesNotContain("(none)", codes);
        if (code is not null)
        {
            Assert.Equal([code], codes);
        }
    }
}
