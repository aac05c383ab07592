using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Domain;

namespace CertifyTrack.Modules.Clubs.Permissions;

/// <summary>What one user may do in one club, from the facts <see cref="ClubPermissions"/> loads.</summary>
internal static class PermissionRule
{
    private static readonly IReadOnlySet<ClubPermission> None = new HashSet<ClubPermission>();

    /// <summary>
    /// Admin: all. The club's faculty coordinator: all (also of a deactivated club, whose history
    /// they keep managing). An active member of an active club: their role's flags. Anyone else,
    /// a removed member, a member of a deactivated club: none.
    /// </summary>
    public static IReadOnlySet<ClubPermission> Resolve(ClubFacts facts)
    {
        if (facts.IsAdmin || facts.IsCoordinator)
        {
            return RoleFlags.All;
        }

        return facts.ClubIsActive && facts.ActiveRole is { } role ? role : None;
    }
}

/// <summary>The facts about a user and a club that decide the user's permissions there.</summary>
/// <param name="ActiveRole">The flags of the user's role when they are an active member; null otherwise.</param>
internal sealed record ClubFacts(bool IsAdmin, bool IsCoordinator, bool ClubIsActive, IReadOnlySet<ClubPermission>? ActiveRole);
