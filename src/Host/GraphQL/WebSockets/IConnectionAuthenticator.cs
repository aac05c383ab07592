using System.Security.Claims;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>
/// Validates the bearer token a WebSocket client sends in its <c>connection_init</c> payload
/// (browsers cannot set headers on a WebSocket). The default implementation asks ASP.NET
/// Core's default authentication scheme, so a socket is authenticated exactly as an HTTP
/// request carrying <c>Authorization: Bearer &lt;token&gt;</c> would be.
/// </summary>
internal interface IConnectionAuthenticator
{
    /// <summary>The user the token signs in, or null when the token is not valid.</summary>
    /// <param name="token">The token, without the <c>Bearer </c> prefix.</param>
    /// <param name="upgradeRequest">The WebSocket upgrade request (its scheme, host, path and address).</param>
    Task<ConnectionUser?> AuthenticateAsync(string token, HttpContext upgradeRequest);
}

/// <summary>A socket's user, and when the token that signed it in expires (null: the scheme does not say).</summary>
internal sealed record ConnectionUser(ClaimsPrincipal Principal, DateTimeOffset? ExpiresAt);
