using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>Sends GraphQL requests over HTTP the way a frontend does.</summary>
public static class GraphQLClient
{
    public static async Task<(HttpResponseMessage Response, JsonObject Body)> PostGraphQLAsync(
        this HttpClient client, string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd(accept);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, JsonNode.Parse(text)!.AsObject());
    }

    public static string ToJson(this JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
