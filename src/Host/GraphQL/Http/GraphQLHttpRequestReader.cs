using System.Text.Json;
using GraphQL;

namespace CertifyTrack.Host.GraphQL.Http;

/// <summary>A request the transport refuses before GraphQL sees it.</summary>
internal sealed record HttpRequestError(int StatusCode, string Code, string Message);

/// <summary>Reads a GraphQL request from a GET query string or a POST JSON request object.</summary>
internal sealed class GraphQLHttpRequestReader(IGraphQLSerializer serializer)
{
    public (GraphQLRequest? Request, HttpRequestError? Error) ReadGet(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!TrySingle(query, "query", out var text)
            || !TrySingle(query, "operationName", out var operationName)
            || !TrySingle(query, "variables", out var variablesText)
            || !TrySingle(query, "extensions", out var extensionsText)
            || !TrySingle(query, "documentId", out var documentId))
        {
            return Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "Each parameter may be given once.");
        }

        try
        {
            var variables = ParseMap(variablesText, "variables");
            var extensions = ParseMap(extensionsText, "extensions");
            if (!string.IsNullOrEmpty(text) && !string.IsNullOrEmpty(documentId))
            {
                return BothTextAndId();
            }

            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrEmpty(documentId) && !NamesPersistedQuery(extensions))
            {
                return Fail(StatusCodes.Status400BadRequest, "MISSING_QUERY", "The 'query' parameter is required.");
            }

            return (new GraphQLRequest(NullIfEmpty(text), NullIfEmpty(operationName), variables, extensions, NullIfEmpty(documentId)), null);
        }
        catch (JsonException ex)
        {
            return Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", ex.Message);
        }
    }

    /// <summary>Reads one request object of a POST body (the body itself, or one item of a batch).</summary>
    public (GraphQLRequest? Request, HttpRequestError? Error) ReadJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "The request body must be a JSON object.");
        }

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                return Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "'operationName' must be a string.");
            }

            operationName = NullIfEmpty(name.GetString());
        }

        if (!TryMap(root, "variables", out var variables) || !TryMap(root, "extensions", out var extensions))
        {
            return Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "'variables' and 'extensions' must be JSON objects.");
        }

        string? documentId = null;
        if (root.TryGetProperty("documentId", out var id) && id.ValueKind != JsonValueKind.Null)
        {
            if (id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
            {
                return Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "'documentId' must be a non-empty string.");
            }

            documentId = id.GetString();
        }

        // A persisted query by hash (automatic persisted queries, trusted documents) or a document id has no text.
        var hasQuery = root.TryGetProperty("query", out var query) && query.ValueKind != JsonValueKind.Null;
        if (hasQuery && documentId is not null)
        {
            return BothTextAndId();
        }

        if (hasQuery ? query.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(query.GetString()) : documentId is null && !NamesPersistedQuery(extensions))
        {
            return Fail(StatusCodes.Status400BadRequest, "MISSING_QUERY", "The 'query' member must be a non-empty string.");
        }

        return (new GraphQLRequest(hasQuery ? query.GetString() : null, operationName, variables, extensions, documentId), null);
    }

    private bool TryMap(JsonElement root, string name, out Inputs? map)
    {
        map = null;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        map = serializer.ReadNode<Inputs>(value);
        return true;
    }

    private Inputs? ParseMap(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Object => serializer.ReadNode<Inputs>(json.RootElement),
            _ => throw new JsonException($"'{name}' must be a JSON object."),
        };
    }

    private static bool TrySingle(IQueryCollection query, string key, out string? value)
    {
        var values = query[key];
        value = values.Count == 0 ? null : values[0];
        return values.Count <= 1;
    }

    private static bool NamesPersistedQuery(Inputs? extensions) =>
        extensions?.TryGetValue("persistedQuery", out var persisted) == true && persisted is not null;

    private static (GraphQLRequest?, HttpRequestError?) BothTextAndId() =>
        Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "Send either a 'query' or a 'documentId', not both.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static (GraphQLRequest?, HttpRequestError?) Fail(int status, string code, string message) =>
        (null, new HttpRequestError(status, code, message));
}
