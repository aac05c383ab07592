using System.Security.Claims;
using System.Text.Encodings.Web;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Events;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// <c>/connect/logout</c> (OpenID Connect RP-initiated logout). A GET only asks (a link or an image
/// on another site must not sign anyone out); a POST signs out when it carries the confirmation
/// form's antiforgery token or a valid <c>id_token_hint</c> (OpenIddict has checked it, and that it
/// was issued to the <c>client_id</c> or the <c>post_logout_redirect_uri</c>'s client). Signing out
/// revokes the hint's session and every session this browser's sign-in cookie started (tokens and
/// authorizations, <see cref="SessionRevocation.RevokeAuthorizationsAsync"/>), ends the cookie, and
/// returns to the client's checked <c>post_logout_redirect_uri</c> (or says it is done).
/// </summary>
internal static class LogoutEndpoint
{
    private const string SignedOut = """
            <h1>Signed out</h1>
            <p role="status">You are signed out of CertifyTrack in this browser.</p>
        """;

    public static async Task<IResult> HandleAsync(
        HttpContext context, IAntiforgery antiforgery, IDbContextFactory<UsersDbContext> contexts, IEventBus bus)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        // The id_token_hint OpenIddict validated; without one (or with one it refused) an empty principal.
        var hint = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal is
            { Identity.IsAuthenticated: true } validated ? validated : null;
        var confirmed = HttpMethods.IsPost(context.Request.Method)
            && (hint is not null || (context.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(context)));
        if (!confirmed)
        {
            return Page(context, request, Form(context, antiforgery, request));
        }

        var cookie = await context.AuthenticateAsync(AuthorizeEndpoint.CookieScheme);
        await using (var db = await contexts.CreateDbContextAsync(context.RequestAborted))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
            foreach (var (subject, authorizations) in SessionsOf(hint, cookie.Succeeded ? cookie.Principal : null))
            {
                await SessionRevocation.RevokeAuthorizationsAsync(db, bus, subject, authorizations, context.RequestAborted);
            }

            await transaction.CommitAsync(context.RequestAborted);
        }

        await context.SignOutAsync(AuthorizeEndpoint.CookieScheme);
        return request.PostLogoutRedirectUri is null
            ? Page(context, request, SignedOut)
            : Results.SignOut(new AuthenticationProperties(), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The sessions to end, by subject: the hint's authorization and those the cookie remembers.</summary>
    private static IEnumerable<(string Subject, string[] Authorizations)> SessionsOf(ClaimsPrincipal? hint, ClaimsPrincipal? cookie)
    {
        var sessions = new List<(string Subject, string Authorization)>();
        if (hint?.GetClaim(Claims.Subject) is { } hinted && hint.GetAuthorizationId() is { } authorization)
        {
            sessions.Add((hinted, authorization));
        }

        if (cookie?.GetClaim(Claims.Subject) is { } signedIn)
        {
            sessions.AddRange(BrowserSessions.AuthorizationsOf(cookie).Select(a => (signedIn, a)));
        }

        return sessions.GroupBy(s => s.Subject, s => s.Authorization).Select(g => (g.Key, g.Distinct().ToArray()));
    }

    private static string Form(HttpContext context, IAntiforgery antiforgery, OpenIddictRequest request)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var action = HtmlEncoder.Default.Encode(context.Request.PathBase + context.Request.Path);
        return $$"""
                <h1>Sign out of CertifyTrack?</h1>
                <p>This signs you out in this browser: every tab that signed in here has to sign in again.</p>
                <form method="post" action="{{action}}">
            {{SignInPage.HiddenFields(request, tokens.RequestToken!)}}      <button type="submit">Sign out</button>
                </form>
            """;
    }

    private static IResult Page(HttpContext context, OpenIddictRequest request, string main)
    {
        StrictPageHeaders.Apply(context.Response, request.PostLogoutRedirectUri);
        return Results.Content(SignInPage.Layout("Sign out", main), "text/html; charset=utf-8");
    }
}
