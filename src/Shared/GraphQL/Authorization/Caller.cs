using System.Globalization;
using System.Security.Claims;

namespace CertifyTrack.Shared.GraphQL.Authorization;

/// <summary>
/// Who is asking, read from the request's claims (<c>sub</c> = user id, <c>role</c>): what rule code,
/// node policies and field rules of every module decide on. <c>Caller.Of(context.User)</c>.
/// </summary>
public sealed class Caller
{
    private static readonly Caller Anonymous = new(null, null);

    private Caller(long? userId, ClaimsPrincipal? principal)
    {
        UserId = userId;
        Principal = principal;
    }

    /// <summary>The signed-in user's id; null when anonymous.</summary>
    public long? UserId { get; }

    /// <summary>The signed-in user's id, for code behind an <c>Authorize</c> field (throws when anonymous).</summary>
    public long Id => UserId ?? throw new InvalidOperationException("The field lets anonymous callers in; read UserId instead.");

    public bool IsSignedIn => UserId is not null;

    public bool IsAdmin => IsInRole(Roles.Admin);

    public bool IsMentor => IsInRole(Roles.Mentor);

    public bool IsStudent => IsInRole(Roles.Student);

    public bool IsClubOrganizer => IsInRole(Roles.ClubOrganizer);

    public ClaimsPrincipal? Principal { get; }

    public static Caller Of(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated != true
            ? Anonymous
            : new Caller(long.TryParse(user.FindFirst("sub")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null, user);

    /// <summary>A role claim of the caller (the claim, not the tables: rules about relations read the tables).</summary>
    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
