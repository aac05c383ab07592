using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.GraphQL;
using CertifyTrack.Modules.Clubs.Permissions;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Membership;

/// <summary>Loading and checking what several club commands share, inside the command's transaction.</summary>
internal static class ClubCommands
{
    public static async Task<Club> ClubAsync(this CommandContext<ClubsDbContext> command, string? clubId, string field = "clubId")
    {
        var key = InputIds.Key<ClubNode>(clubId, field);
        return await command.Db.Clubs.SingleOrDefaultAsync(c => c.Id == key, command.CancellationToken)
            ?? throw new UserErrorException(ClubErrorCodes.ClubNotFound, "There is no such club.", "input", field);
    }

    public static async Task<ClubRole> RoleAsync(this CommandContext<ClubsDbContext> command, string? roleId, string field = "roleId")
    {
        var key = InputIds.Key<ClubRole>(roleId, field);
        return await command.Db.Roles.SingleOrDefaultAsync(r => r.Id == key, command.CancellationToken)
            ?? throw new UserErrorException(ClubErrorCodes.RoleNotFound, "There is no such club role.", "input", field);
    }

    /// <summary>The <c>member</c> role, which joining gives and adding defaults to.</summary>
    public static Task<ClubRole> MemberRoleAsync(this CommandContext<ClubsDbContext> command) =>
        command.Db.Roles.SingleAsync(r => r.Name == "member", command.CancellationToken);

    public static async Task<ClubMember> MemberAsync(this CommandContext<ClubsDbContext> command, string? memberId)
    {
        var key = InputIds.Key<ClubMember>(memberId, "memberId");
        return await command.Db.Members.Include(m => m.Role).Include(m => m.Club)
            .SingleOrDefaultAsync(m => m.Id == key, command.CancellationToken)
            ?? throw new UserErrorException(ClubErrorCodes.MemberNotFound, "There is no such membership.", "input", "memberId");
    }

    /// <summary>
    /// As <see cref="MemberAsync"/>, with the member row's write lock taken first (a no-op update: a row lock on
    /// PostgreSQL, the write lock on SQLite) and held to the commit. What the command then checks (active, the
    /// role the grant rule compares) is what it writes over: a concurrent removal or role change either
    /// committed before (and is seen) or waits for this command.
    /// </summary>
    public static async Task<ClubMember> LockedMemberAsync(this CommandContext<ClubsDbContext> command, string? memberId)
    {
        var key = InputIds.Key<ClubMember>(memberId, "memberId");
        await command.Db.Members.Where(m => m.Id == key).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, m => m.IsActive), command.CancellationToken);
        return await command.MemberAsync(memberId);
    }

    /// <summary>An active student, by their <c>Student</c> id, or NOT_A_STUDENT at <paramref name="field"/>.</summary>
    public static async Task<DirectoryUser> StudentAsync(this CommandContext<ClubsDbContext> command, long studentId, string field)
    {
        var found = await command.Service<IUserDirectory>().ByStudentIdsAsync([studentId], command.CancellationToken);
        return found.TryGetValue(studentId, out var user) && user is { Kind: UserKind.Student, IsActive: true }
            ? user
            : throw new UserErrorException(ClubErrorCodes.NotAStudent, "This is not an active student.", "input", field);
    }

    /// <summary>An active mentor, by their <c>Mentor</c> id, or NOT_A_MENTOR at <paramref name="field"/>.</summary>
    public static async Task<DirectoryUser> MentorAsync(this CommandContext<ClubsDbContext> command, long mentorId, string field)
    {
        var found = await command.Service<IUserDirectory>().ByMentorIdsAsync([mentorId], command.CancellationToken);
        return found.TryGetValue(mentorId, out var user) && user is { Kind: UserKind.Mentor, IsActive: true }
            ? user
            : throw new UserErrorException(ClubErrorCodes.NotAMentor, "The faculty coordinator must be an active mentor.", "input", field);
    }

    /// <summary>
    /// The caller as a granter in <paramref name="club"/>, read in the command's transaction with the
    /// same rule as <c>IClubPermissions</c> (<see cref="PermissionRule"/>).
    /// </summary>
    public static async Task<Granter> GranterAsync(this CommandContext<ClubsDbContext> command, Club club)
    {
        var me = command.Caller.Id;
        var role = await command.Db.Members.Where(m => m.ClubId == club.Id && m.UserId == me && m.IsActive)
            .Select(m => m.Role).SingleOrDefaultAsync(command.CancellationToken);
        var isCoordinator = club.FacultyCoordinatorUserId == me;
        var permissions = PermissionRule.Resolve(new ClubFacts(command.Caller.IsAdmin, isCoordinator, club.IsActive, role?.Permissions()));
        return new Granter(command.Caller.IsAdmin, isCoordinator, me, permissions);
    }

    /// <summary>Drops the request's cached permissions and memberships: later fields of the request see this command's change.</summary>
    public static void ForgetCachedPermissions(this CommandContext<ClubsDbContext> command)
    {
        command.Service<ClubPermissions>().Forget();
        command.Service<ClubRequestCache>().Forget();
    }
}
