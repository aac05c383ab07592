using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>Sends GraphQL requests over HTTP the way a frontend does.</summary>
public static class GraphQLClient
{
    public static async Task<(HttpResponseMessage Response, JsonObject Body)> PostGraphQLAsync(
        this HttpClient client, string query, object? variables = null, string accept = "application/graphql-response+json", string? token = null)
    {
        var (response, body) = await client.PostJsonAsync(new { query, variables }, accept, token);
        return (response, body!.AsObject());
    }

    /// <summary>Posts any JSON body (a request object, a batch array) and parses the answer.</summary>
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> PostJsonAsync(
        this HttpClient client, object body, string accept = "application/graphql-response+json", string? token = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, JsonNode.Parse(text));
    }

    /// <summary>The <c>extensions.code</c> of every error, in order.</summary>
    public static string[] ErrorCodes(this JsonNode? body) =>
        body?["errors"]?.AsArray().Select(e => e!["extensions"]?["code"]?.GetValue<string>() ?? "(none)").ToArray() ?? [];

    /// <summary>The <c>message</c> of every error, one a line.</summary>
    public static string ErrorMessages(this JsonNode? body) =>
        string.Join('\n', body?["errors"]?.AsArray().Select(e => e!["message"]?.GetValue<string>()) ?? []);

    public static string ToJson(this JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
