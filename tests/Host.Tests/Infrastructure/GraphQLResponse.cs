using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>
/// A GraphQL answer read the way a test says it: <c>response.Data&lt;CreatedUser&gt;("createUser")</c>,
/// <c>response.UserErrorCodes("createUser")</c>, <c>response.ErrorCodes</c>, instead of index chains.
/// </summary>
public sealed class GraphQLResponse(HttpStatusCode status, JsonObject body)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpStatusCode Status { get; } = status;

    public JsonObject Body { get; } = body;

    /// <summary>The <c>extensions.code</c> of every top-level error, in order.</summary>
    public string[] ErrorCodes => Body.ErrorCodes();

    /// <summary>The value of root field <paramref name="field"/> (null when it is null or absent).</summary>
    public JsonNode? Field(string field) => Body["data"]?[field];

    /// <summary>Root field <paramref name="field"/> read as <typeparamref name="T"/> (a record of the selected fields; camelCase).</summary>
    public T Data<T>(string field) =>
        Field(field).Deserialize<T>(Json) ?? throw new InvalidOperationException($"'{field}' is null: {Body.ToJson()}");

    /// <summary>The <c>userErrors</c> of mutation <paramref name="field"/>.</summary>
    public IReadOnlyList<AnsweredUserError> UserErrors(string field) =>
        Field(field)?["userErrors"].Deserialize<AnsweredUserError[]>(Json) ?? throw new InvalidOperationException($"'{field}' has no userErrors: {Body.ToJson()}");

    /// <summary>The codes of the <c>userErrors</c> of mutation <paramref name="field"/>, in order.</summary>
    public string[] UserErrorCodes(string field) => [.. UserErrors(field).Select(e => e.Code)];

    public override string ToString() => Body.ToJson();
}

/// <summary>One entry of a payload's <c>userErrors</c> (select <c>code message field</c>).</summary>
public sealed record AnsweredUserError(string Code, string? Message, IReadOnlyList<string>? Field)
{
    /// <summary>The field path joined with dots (<c>input.studentIds.1</c>); null when no field is named.</summary>
    public string? Path => Field is null ? null : string.Join('.', Field);
}

public static class GraphQLResponses
{
    /// <summary>The value of root field <paramref name="field"/>; fails the test, showing the answer, when it is null.</summary>
    public static JsonNode Data(this JsonObject body, string field) =>
        body["data"]?[field] ?? throw new InvalidOperationException($"'{field}' is null: {body.ToJson()}");

    /// <summary>Root field <paramref name="field"/> read as <typeparamref name="T"/> (a record of the selected fields).</summary>
    public static T Data<T>(this JsonObject body, string field) => new GraphQLResponse(HttpStatusCode.OK, body).Data<T>(field);

    /// <summary>The <c>userErrors</c> of mutation <paramref name="field"/>.</summary>
    public static IReadOnlyList<AnsweredUserError> UserErrors(this JsonObject body, string field) => new GraphQLResponse(HttpStatusCode.OK, body).UserErrors(field);

    /// <summary>The codes of the <c>userErrors</c> of mutation <paramref name="field"/>, in order.</summary>
    public static string[] UserErrorCodes(this JsonObject body, string field) => [.. body.UserErrors(field).Select(e => e.Code)];

    /// <summary>Each user error as <c>"CODE input.path"</c>, in order.</summary>
    public static string[] UserErrorPaths(this JsonObject body, string field) => [.. body.UserErrors(field).Select(e => $"{e.Code} {e.Path}")];

    /// <summary>Posts a query or mutation and wraps the answer.</summary>
    public static async Task<GraphQLResponse> GraphQLAsync(this HttpClient client, string query, object? variables = null, string? token = null)
    {
        var (response, body) = await client.PostGraphQLAsync(query, variables, token: token);
        return new GraphQLResponse(response.StatusCode, body);
    }
}
