using System.Text.Json;
using GraphQL;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>
/// One message from the client, checked against the shapes of the <c>graphql-transport-ws</c>
/// protocol. Anything else is an invalid message: the connection closes with 4400.
/// </summary>
internal readonly record struct ClientMessage(string Type, string? Id, JsonElement? Payload)
{
    public const string ConnectionInit = "connection_init";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Complete = "complete";

    private const string InvalidText = "Invalid message received: not valid JSON text.";

    /// <summary>Reads a message; on failure <paramref name="error"/> is the close reason.</summary>
    public static bool TryRead(JsonElement root, out ClientMessage message, out string error)
    {
        try
        {
            return TryReadMessage(root, out message, out error);
        }
        catch (Exception ex) when (IsInvalidText(ex))
        {
            (message, error) = (default, InvalidText);
            return false;
        }
    }

    /// <summary>
    /// A string with an unpaired surrogate escape (<c>"\ud800"</c>): JsonDocument accepts it and
    /// refuses to turn it into text only when it is read.
    /// </summary>
    private static bool IsInvalidText(Exception ex) => ex is JsonException or InvalidOperationException;

    private static bool TryReadMessage(JsonElement root, out ClientMessage message, out string error)
    {
        message = default;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            error = "Invalid message received: a JSON object with a string 'type' is expected.";
            return false;
        }

        var type = typeElement.GetString()!;
        var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        JsonElement? payload = root.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? p : null;
        message = new ClientMessage(type, id, payload);
        error = type switch
        {
            ConnectionInit or Ping or Pong when payload is { ValueKind: not JsonValueKind.Object } =>
                $"Invalid message received: the '{type}' payload must be an object.",
            ConnectionInit or Ping or Pong => string.Empty,
            Subscribe when string.IsNullOrEmpty(id) => "Invalid message received: 'subscribe' needs a non-empty string 'id'.",
            Subscribe when payload is not { ValueKind: JsonValueKind.Object } => "Invalid message received: 'subscribe' needs an object 'payload'.",
            Subscribe => string.Empty,
            Complete when string.IsNullOrEmpty(id) => "Invalid message received: 'complete' needs a non-empty string 'id'.",
            Complete => string.Empty,
            _ => $"Unexpected message of type {type} received.",
        };
        return error.Length == 0;
    }

    /// <summary>Reads the GraphQL request of a <c>subscribe</c> payload.</summary>
    public bool TryReadRequest(IGraphQLSerializer serializer, out GraphQLRequest? request, out string error)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        try
        {
            return TryReadPayload(serializer, out request, out error);
        }
        catch (Exception ex) when (IsInvalidText(ex))
        {
            (request, error) = (null, InvalidText);
            return false;
        }
    }

    private bool TryReadPayload(IGraphQLSerializer serializer, out GraphQLRequest? request, out string error)
    {
        request = null;
        var payload = Payload!.Value;
        if (!payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(query.GetString()))
        {
            error = "Invalid message received: the 'subscribe' payload needs a non-empty string 'query'.";
            return false;
        }

        string? operationName = null;
        if (payload.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                error = "Invalid message received: 'operationName' must be a string.";
                return false;
            }

            operationName = name.GetString() is { Length: > 0 } text ? text : null;
        }

        if (!TryReadMap(payload, "variables", serializer, out var variables) || !TryReadMap(payload, "extensions", serializer, out var extensions))
        {
            error = "Invalid message received: 'variables' and 'extensions' must be objects.";
            return false;
        }

        request = new GraphQLRequest(query.GetString()!, operationName, variables, extensions);
        error = string.Empty;
        return true;
    }

    private static bool TryReadMap(JsonElement payload, string name, IGraphQLSerializer serializer, out Inputs? map)
    {
        map = null;
        if (!payload.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
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
}
