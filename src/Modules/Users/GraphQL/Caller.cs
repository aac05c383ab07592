using System.Globalization;
using System.Security.Claims;
using CertifyTrack.Shared.GraphQL.Authorization;

namespace CertifyTrack.Modules.Users.GraphQL;

/// <summary>Who is asking, from the request's claims (<c>sub</c> = user id, <c>role</c>).</summary>
internal static class Caller
{
    public static long? UserId(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && long.TryParse(user.FindFirst("sub")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static bool IsAdmin(ClaimsPrincipal? user) => user?.IsInRole(Roles.Admin) == true;

    public static bool IsMentor(ClaimsPrincipal? user) => user?.IsInRole(Roles.Mentor) == true;
}
