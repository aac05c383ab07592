using System.Net.WebSockets;
using System.Text;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>The close codes this transport uses: the protocol's 44xx codes and the RFC 6455 ones.</summary>
internal static class CloseCodes
{
    public const WebSocketCloseStatus BadRequest = (WebSocketCloseStatus)4400;
    public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;
    public const WebSocketCloseStatus Forbidden = (WebSocketCloseStatus)4403;
    public const WebSocketCloseStatus InitTimeout = (WebSocketCloseStatus)4408;
    public const WebSocketCloseStatus SubscriberExists = (WebSocketCloseStatus)4409;
    public const WebSocketCloseStatus TooManyInits = (WebSocketCloseStatus)4429;
    public const WebSocketCloseStatus InternalError = (WebSocketCloseStatus)4500;

    /// <summary>Our choice for a client that lets the send queue fill (fatal, not retried, in graphql-ws).</summary>
    public const WebSocketCloseStatus SendQueueFull = WebSocketCloseStatus.PolicyViolation;

    /// <summary>Host shutdown; graphql-ws clients reconnect after it.</summary>
    public const WebSocketCloseStatus GoingAway = WebSocketCloseStatus.EndpointUnavailable;

    public const WebSocketCloseStatus MessageTooBig = WebSocketCloseStatus.MessageTooBig;

    /// <summary>
    /// RFC 6455 "Try Again Later" (IANA-registered): too many sockets for the user, or the address is over
    /// its rate limit; graphql-ws clients retry it with backoff.
    /// </summary>
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    /// <summary>A close reason fits 123 UTF-8 bytes (RFC 6455 5.5); a longer one is cut.</summary>
    public static string Reason(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        const int Max = 123;
        if (Encoding.UTF8.GetByteCount(reason) <= Max)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > Max - 3)
        {
            length--;
            if (length > 0 && char.IsLowSurrogate(reason[length]))
            {
                length--;
            }
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }
}
