using System.Globalization;
using System.Security.Claims;
using CertifyTrack.Modules.Users.Accounts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// <c>/connect/authorize</c> for the first-party client (no consent screen): a signed-in browser
/// (the sign-in cookie) gets its code at once if the user may still sign in and their sessions were
/// not revoked since (the cookie carries the user's security stamp, <see cref="SessionRevocation"/>);
/// otherwise the sign-in form is shown, and a posted form goes through the same
/// <see cref="LoginRules"/> as the password grant, counted for the client's network.
/// </summary>
internal static class AuthorizeEndpoint
{
    public const string CookieScheme = "CertifyTrack.SignIn";
    public const string UsernameField = "username";
    public const string PasswordField = "password";
    public const string AntiforgeryField = "__RequestVerificationToken";
    public const string SecurityStampClaim = "security_stamp";

    public static async Task<IResult> HandleAsync(
        HttpContext context, LoginRules rules, UsernameRateLimiter usernames, IAntiforgery antiforgery)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var cancellationToken = context.RequestAborted;
        var source = SignInSource.Of(context.Connection.RemoteIpAddress);

        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            && context.Request.Form.ContainsKey(UsernameField))
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Page(context, antiforgery, request, null, "The form expired. Please sign in again.", StatusCodes.Status400BadRequest);
            }

            string? username = context.Request.Form[UsernameField];
            if (!usernames.TryAcquire(username))
            {
                return Page(context, antiforgery, request, username, "Too many attempts. Please wait a minute.", StatusCodes.Status429TooManyRequests);
            }

            var result = await rules.SignInAsync(username, context.Request.Form[PasswordField], source, cancellationToken);
            if (result.Outcome != LoginOutcome.Success)
            {
                return Page(context, antiforgery, request, username, TokenErrors.Describe(result), StatusCodes.Status200OK);
            }

            return await IssueCodeAsync(context, BrowserSessions.Start(result.User!), result.User!, request);
        }

        var cookie = await context.AuthenticateAsync(CookieScheme);
        if (cookie.Succeeded && !request.HasPromptValue(PromptValues.Login)
            && long.TryParse(cookie.Principal.FindFirstValue(Claims.Subject), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            var result = await rules.CheckAsync(userId, source, cancellationToken);
            if (result.Outcome == LoginOutcome.Success
                && result.User!.SecurityStamp == (cookie.Principal.FindFirstValue(SecurityStampClaim) ?? ""))
            {
                return await IssueCodeAsync(context, BrowserSessions.Continue(cookie.Principal), result.User!, request);
            }

            await context.SignOutAsync(CookieScheme);
        }

        return request.HasPromptValue(PromptValues.None)
            ? Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user is not signed in.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme])
            : Page(context, antiforgery, request, null, null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> IssueCodeAsync(HttpContext context, ClaimsIdentity session, User user, OpenIddictRequest request)
    {
        var principal = Principals.ForUser(user, request.GetScopes());
        await BrowserSessions.AttachAuthorizationAsync(context, session, principal, request.ClientId!, context.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, OpenIddictRequest request, string? username, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        StrictPageHeaders.Apply(context.Response, request.RedirectUri);
        var action = context.Request.PathBase + context.Request.Path;
        return Results.Content(SignInPage.Render(action, request, tokens.RequestToken!, username, error), "text/html; charset=utf-8", statusCode: status);
    }
}
