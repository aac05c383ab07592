using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server.AspNetCore;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary><c>/connect/logout</c>: ends the sign-in cookie session and returns to the client's post-logout URI.</summary>
internal static class LogoutEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        await context.SignOutAsync(AuthorizeEndpoint.CookieScheme);
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
