using System.Globalization;
using System.Security.Claims;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL.Authorization;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>The claims of every token: <c>sub</c> (the user id or the tooling client id), <c>role</c> and <c>name</c>.</summary>
internal static class Principals
{
    public static string RoleOf(UserKind kind) => kind switch
    {
        UserKind.Student => Roles.Student,
        UserKind.Mentor => Roles.Mentor,
        UserKind.ClubOrganizer => Roles.ClubOrganizer,
        _ => Roles.Admin,
    };

    public static ClaimsPrincipal ForUser(User user, IEnumerable<string> scopes) =>
        Create(user.Id.ToString(CultureInfo.InvariantCulture), user.Username, RoleOf(user.UserType), scopes);

    public static ClaimsPrincipal ForClient(string clientId, string role, IEnumerable<string> scopes) =>
        Create(clientId, clientId, role, scopes);

    private static ClaimsPrincipal Create(string subject, string name, string role, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.Name, name).SetClaim(Claims.Role, role);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type == Claims.Subject || claim.Type == Claims.Role || claim.Type == Claims.Name
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
