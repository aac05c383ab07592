using System.Globalization;
using System.Security.Claims;
using CertifyTrack.Modules.Users.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// The sign-in cookie of <c>/connect/authorize</c> as a browser session: who signed in, under which
/// security stamp (<see cref="SessionRevocation"/> changes it), and the authorizations that codes
/// were issued under from it. Each code gets an authorization created here rather than by
/// OpenIddict, so that its id is known and kept in the cookie: a logout from this browser ends the
/// sessions it started (<see cref="LogoutEndpoint"/>), also those of tabs that sent no id_token_hint.
/// </summary>
internal static class BrowserSessions
{
    public const string AuthorizationClaim = "authorization";

    /// <summary>The newest authorizations a cookie remembers (a cookie lives 8 hours; each id costs ~50 bytes).</summary>
    public const int MaxAuthorizations = 20;

    public static ClaimsIdentity Start(User user)
    {
        var session = new ClaimsIdentity(AuthorizeEndpoint.CookieScheme, Claims.Name, Claims.Role);
        session.AddClaim(new Claim(Claims.Subject, user.Id.ToString(CultureInfo.InvariantCulture)));
        session.AddClaim(new Claim(AuthorizeEndpoint.SecurityStampClaim, user.SecurityStamp));
        return session;
    }

    /// <summary>The authorizations codes were issued under from this browser, newest last.</summary>
    public static IReadOnlyList<string> AuthorizationsOf(ClaimsPrincipal cookie) =>
        [.. cookie.FindAll(AuthorizationClaim).Select(c => c.Value)];

    /// <summary>
    /// Creates the authorization the code (and every token redeemed from it) belongs to, attaches it
    /// to <paramref name="principal"/>, and signs the browser in (again) with it remembered.
    /// </summary>
    public static async Task AttachAuthorizationAsync(
        HttpContext context, ClaimsIdentity session, ClaimsPrincipal principal, string clientId, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        var authorizations = services.GetRequiredService<IOpenIddictAuthorizationManager>();
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException($"The client {clientId} was validated but is not registered.");
        var authorization = await authorizations.CreateAsync(
            principal, principal.GetClaim(Claims.Subject)!, (await applications.GetIdAsync(application, cancellationToken))!,
            AuthorizationTypes.AdHoc, principal.GetScopes(), cancellationToken);
        var id = (await authorizations.GetIdAsync(authorization, cancellationToken))!;
        principal.SetAuthorizationId(id);

        var remembered = session.FindAll(AuthorizationClaim).ToList();
        foreach (var old in remembered.Take(Math.Max(0, remembered.Count - MaxAuthorizations + 1)))
        {
            session.RemoveClaim(old);
        }

        session.AddClaim(new Claim(AuthorizationClaim, id));
        await context.SignInAsync(AuthorizeEndpoint.CookieScheme, new ClaimsPrincipal(session));
    }

    /// <summary>A copy of the signed-in browser's identity to change and sign in again.</summary>
    public static ClaimsIdentity Continue(ClaimsPrincipal cookie) =>
        new(cookie.Claims, AuthorizeEndpoint.CookieScheme, Claims.Name, Claims.Role);
}
