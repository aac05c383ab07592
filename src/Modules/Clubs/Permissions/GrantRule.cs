using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Shared.GraphQL.Errors;
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
    public static UserError? Check(Granter granter, long targetUserId, IReadOnlySet<ClubPermission>? currentRole, IReadOnlySet<ClubPermission>? newRole, string[] roleField)
    {
        var mayManage = granter.IsAdmin || granter.IsCoordinator || granter.Permissions.Contains(ClubPermission.ManageMembers);
        if (!mayManage)
        {
            return new UserError(PlatformErrorCodes.Forbidden, "Only members who manage members, the club's coordinator or an admin may do this.", ["input"]);
        }

        if (newRole is not null && currentRole is not null && granter.UserId == targetUserId)
        {
            return new UserError(ClubErrorCodes.OwnRole, "Nobody changes their own role.", ["input", "memberId"]);
        }

        if (granter.IsAdmin || granter.IsCoordinator)
        {
            return null;
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

/// <summary>Who grants (their user id): an admin, the club's coordinator, or a member with their permissions in the club.</summary>
internal sealed record Granter(bool IsAdmin, bool IsCoordinator, long UserId, IReadOnlySet<ClubPermission> Permissions);

internal static class UserErrorChecks
{
    public static void ThrowIfNotNull(this UserError? error)
    {
        if (error is not null)
        {
            throw new UserErrorException([error]);
        }
    }
}
