using CertifyTrack.Shared.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// The endpoints OpenIddict passes through to us. Discovery, keys, revocation and the protocol
/// checks are OpenIddict's own; these decide who gets a token. All are rate-limited per client IP.
/// </summary>
internal sealed class AuthEndpoints : IModuleEndpoints
{
    public const string RateLimitPolicy = "auth";

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", TokenEndpoint.HandleAsync)
            .RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        endpoints.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeEndpoint.HandleAsync)
            .RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        endpoints.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)LogoutEndpoint.HandleAsync)
            .RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
    }
}
