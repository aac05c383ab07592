using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Clubs.Permissions;

/// <summary>
/// No privilege escalation: who may give, change or take away which membership. Admins and the
/// club's faculty coordinator may grant any role. A member needs <c>MANAGE_MEMBERS</c>, may grant
/// only a role whose flags are a subset of their own, may act only on members whose current
/// role is such a subset too (a secretary neither makes nor unmakes a president), and nobody
/// changes their own role.
/// </summary>
internal static class GrantRule
{
    /// <summary>The refusal of <paramref name="granter"/> giving <paramref name="target"/> a role with <paramref name="newRole"/>, or null when allowed.</summary>
    /// <param name="currentRole">The target's current role flags for a change or removal; null when adding.</param>
    /// <param name="newRole">The flags of the role given; null for a removal.</param>
    public static UserError? Check(Granter granter, long targetStudentId, IReadOnlySet<ClubPermission>? currentRole, IReadOnlySet<ClubPermission>? newRole, string[] roleField)
    {
        if (newRole is not null && currentRole is not null && granter.StudentId == targetStudentId)
        {
            return new UserError(ClubErrorCodes.OwnRole, "Nobody changes their own role.", ["input", "memberId"]);
        }

        if (granter.IsAdmin || granter.IsCoordinator)
        {
            return null;
        }

        if (!granter.Permissions.Contains(ClubPermission.ManageMembers))
        {
            return new UserError(ClubErrorCodes.Forbidden, "Only members who manage members, the club's coordinator or an admin may do this.", ["input"]);
        }

        if (currentRole is not null && !currentRole.IsSubsetOf(granter.Permissions))
        {
            return new UserError(ClubErrorCodes.MemberAboveGranter, "This member's role carries permissions you do not hold.", ["input", "memberId"]);
        }

        if (newRole is not null && !newRole.IsSubsetOf(granter.Permissions))
        {
            return new UserError(ClubErrorCodes.RoleAboveGranter, "You cannot grant a role carrying a permission you do not hold.", roleField);
        }

        return null;
    }
}

/// <summary>Who grants: an admin, the club's coordinator, or a member (their student id and permissions in the club).</summary>
internal sealed record Granter(bool IsAdmin, bool IsCoordinator, long? StudentId, IReadOnlySet<ClubPermission> Permissions);
