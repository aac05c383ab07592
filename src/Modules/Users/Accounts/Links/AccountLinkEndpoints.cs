using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CertifyTrack.Modules.Users.Accounts.Links;

/// <summary>
/// Serves the pages the account emails link to: <c>/verify-email</c>, <c>/reset-password</c> and
/// <c>/set-password</c>, each <c>?token=…</c>. GET only shows the form (mail scanners prefetch
/// links, so a GET never spends a token); the POSTed form (antiforgery-checked) runs the same
/// <see cref="TokenRedemption"/> command as the mutation and shows its outcome or its user errors.
/// Rate-limited per client IP like the sign-in page; never cached, framed or sent as a referrer.
/// </summary>
internal sealed class AccountLinkEndpoints : IModuleEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        foreach (var link in AccountLink.All)
        {
            endpoints.MapMethods(link.Path, ["GET", "POST"], (HttpContext context, IAntiforgery antiforgery, TokenRedemption commands) =>
                    HandleAsync(context, antiforgery, commands, link))
                .RequireRateLimiting(AuthEndpoints.RateLimitPolicy)
                .DisableAntiforgery();   // checked below, so that a failure shows the page rather than a bare 400
        }
    }

    private static async Task<IResult> HandleAsync(HttpContext context, IAntiforgery antiforgery, TokenRedemption commands, AccountLink link)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            string? token = context.Request.Query[AccountLinkPage.TokenField];
            return string.IsNullOrWhiteSpace(token)
                ? Page(context, AccountLinkPage.Outcome(link, "This link is incomplete. Open the link from the email again.", success: false), StatusCodes.Status400BadRequest)
                : Form(context, antiforgery, link, token, []);
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string posted = form[AccountLinkPage.TokenField].ToString();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Form(context, antiforgery, link, posted, ["The form expired. Please try again."], StatusCodes.Status400BadRequest);
        }

        string? password = link.AsksForPassword ? form[AccountLinkPage.PasswordField].ToString() : null;
        if (link.AsksForPassword && password != form[AccountLinkPage.ConfirmField].ToString())
        {
            return Form(context, antiforgery, link, posted, ["The two passwords are not the same."]);
        }

        try
        {
            await link.Run(commands, posted, password, context.RequestAborted);
        }
        catch (UserErrorException ex) when (ex.Errors.Any(e => e.Code == UsersErrorCodes.InvalidToken))
        {
            return Page(context, AccountLinkPage.Outcome(link, ex.Errors[0].Message, success: false), StatusCodes.Status400BadRequest);
        }
        catch (UserErrorException ex)
        {
            return Form(context, antiforgery, link, posted, [.. ex.Errors.Select(e => e.Message)]);
        }

        return Page(context, AccountLinkPage.Outcome(link, link.Done, success: true), StatusCodes.Status200OK);
    }

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, AccountLink link, string token, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var action = context.Request.PathBase + context.Request.Path;   // the token travels in the form, not the URL
        return Page(context, AccountLinkPage.Form(link, action, tokens.RequestToken!, token, errors), status);
    }

    private static IResult Page(HttpContext context, string html, int status)
    {
        StrictPageHeaders.Apply(context.Response);   // the URL holds the token
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
