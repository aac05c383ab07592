using Microsoft.AspNetCore.Authentication;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>
/// Runs the default authentication scheme over a request that carries the token as its
/// <c>Authorization</c> header, as the HTTP pipeline would. With no default scheme there is
/// nothing that could validate a token, so every token is refused.
/// The request handlers run first, as in the authentication middleware. The token's expiry is the
/// <see cref="AuthenticationProperties.ExpiresUtc"/> of the result (OpenIddict's validation sets it).
/// </summary>
internal sealed class DefaultSchemeConnectionAuthenticator(
    IAuthenticationSchemeProvider schemes,
    IServiceScopeFactory scopes,
    ILogger<DefaultSchemeConnectionAuthenticator> logger) : IConnectionAuthenticator
{
    public async Task<ConnectionUser?> AuthenticateAsync(string token, HttpContext upgradeRequest)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(upgradeRequest);
        if (await schemes.GetDefaultAuthenticateSchemeAsync() is null)
        {
            logger.LogWarning("A WebSocket client sent a token, but no default authentication scheme can validate it");
            return null;
        }

        // A scope of its own: the request's scope caches the handler it already ran for the upgrade request.
        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var request = context.Request;
        request.Method = HttpMethods.Get;
        request.Scheme = upgradeRequest.Request.Scheme;
        request.Host = upgradeRequest.Request.Host;
        request.PathBase = upgradeRequest.Request.PathBase;
        request.Path = upgradeRequest.Request.Path;
        request.Headers.Authorization = "Bearer " + token;
        context.Connection.RemoteIpAddress = upgradeRequest.Connection.RemoteIpAddress;
        context.Connection.RemotePort = upgradeRequest.Connection.RemotePort;
        context.TraceIdentifier = upgradeRequest.TraceIdentifier;

        // As the authentication middleware does: request handlers first (OpenIddict's validation
        // handler prepares its per-request state there), then the default scheme.
        var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
        foreach (var scheme in await schemes.GetRequestHandlerSchemesAsync())
        {
            if (await handlers.GetHandlerAsync(context, scheme.Name) is IAuthenticationRequestHandler handler
                && await handler.HandleRequestAsync())
            {
                return null; // a handler answered the request itself: not a plain authenticated request
            }
        }

        var result = await context.AuthenticateAsync();
        if (!result.Succeeded)
        {
            logger.LogDebug(result.Failure, "A WebSocket connection token was refused: {Reason}", result.Failure?.Message ?? "no result");
        }

        return result.Succeeded ? new ConnectionUser(result.Principal, result.Properties?.ExpiresUtc) : null;
    }
}
