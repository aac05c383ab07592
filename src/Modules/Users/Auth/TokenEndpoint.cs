using System.Globalization;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// <c>POST /connect/token</c> after OpenIddict has validated the client and the grant. Every grant
/// that yields a user's token runs the login rules again: the password grant in full, the code and
/// refresh exchanges against the user's current state, so that none bypasses lockout,
/// verification or deactivation. A refresh token is redeemed here, once (<see cref="RefreshTokenReuse"/>).
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, LoginRules rules, UsernameRateLimiter usernames, RefreshTokenReuse refreshTokens, IOptions<AuthOptions> options)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var cancellationToken = context.RequestAborted;
        var source = SignInSource.Of(context.Connection.RemoteIpAddress);

        if (request.IsPasswordGrantType())
        {
            if (!usernames.TryAcquire(request.Username))
            {
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            var result = await rules.SignInAsync(request.Username, request.Password, source, cancellationToken);
            return result.Outcome == LoginOutcome.Success
                ? SignIn(Principals.ForUser(result.User!, request.GetScopes()))
                : TokenErrors.For(result);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var subject = previous?.GetClaim(Claims.Subject);
            if (previous is null || !long.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
            {
                return TokenErrors.Forbid(Errors.InvalidGrant, "The token is no longer valid.");
            }

            var result = await rules.CheckAsync(userId, source, cancellationToken);
            if (result.Outcome == LoginOutcome.Success && request.IsRefreshTokenGrantType()
                && !await refreshTokens.TryRedeemAsync(previous, cancellationToken))
            {
                return TokenErrors.Forbid(Errors.InvalidGrant, "The refresh token was already used; the session has ended.");
            }

            return result.Outcome == LoginOutcome.Success
                ? SignIn(Principals.ForUser(result.User!, previous.GetScopes()))
                : TokenErrors.For(result);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var client = options.Value.Clients.Values.FirstOrDefault(c => c.ClientId == request.ClientId);
            return client is null
                ? TokenErrors.Forbid(Errors.InvalidClient, "The client is not allowed to obtain tokens.")
                : SignIn(Principals.ForClient(client.ClientId, client.Role, request.GetScopes()));
        }

        return TokenErrors.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
