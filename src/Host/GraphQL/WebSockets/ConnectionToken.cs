using System.Text.Json;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>Finds the bearer token in a <c>connection_init</c> payload.</summary>
internal static class ConnectionToken
{
    private static readonly string[] Keys = ["Authorization", "authorization", "token"];

    /// <summary>
    /// False when a token key holds something other than a string (the connection is refused);
    /// otherwise <paramref name="token"/> is the token without its <c>Bearer </c> prefix, or
    /// null when the payload carries none (an anonymous connection).
    /// </summary>
    public static bool TryRead(JsonElement? payload, out string? token)
    {
        token = null;
        if (payload is not { ValueKind: JsonValueKind.Object } value)
        {
            return true;
        }

        foreach (var key in Keys)
        {
            if (!value.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (element.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            var text = element.GetString()!.Trim();
            if (text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                text = text["Bearer ".Length..].Trim();
            }

            token = text.Length == 0 ? null : text;
            return true;
        }

        return true;
    }
}
