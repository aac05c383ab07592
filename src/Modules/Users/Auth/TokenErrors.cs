using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// The token endpoint's refusals. Custom error codes tell the client which rule refused it
/// (<c>account_locked</c> with the unlock time, <c>email_not_verified</c>); a wrong password, an
/// unknown username and an inactive account all answer <c>invalid_grant</c> alike, and an unknown
/// username locks like a known one (<see cref="LoginRules"/>), so no answer tells whether it exists.
/// </summary>
internal static class TokenErrors
{
    public const string AccountLocked = "account_locked";
    public const string EmailNotVerified = "email_not_verified";

    public static IResult For(LoginResult result) => result.Outcome switch
    {
        LoginOutcome.Locked => Forbid(AccountLocked,
            "Too many failed attempts from this network: signing in to the account from it is locked until "
            + result.LockedUntil!.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) + "."),
        LoginOutcome.EmailNotVerified => Forbid(EmailNotVerified, "The email address is not verified yet."),
        _ => Forbid(Errors.InvalidGrant, "The username or password is wrong, or the account cannot sign in."),
    };

    public static string Describe(LoginResult result) => result.Outcome switch
    {
        LoginOutcome.Locked => "Too many failed attempts from your network. Signing in to this account from it is locked until "
            + result.LockedUntil!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + ".",
        LoginOutcome.EmailNotVerified => "Please verify your email address first; we sent you a link.",
        _ => "The username or password is wrong, or the account cannot sign in.",
    };

    public static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
