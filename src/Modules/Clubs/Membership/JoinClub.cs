using System.ComponentModel;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Membership;

/// <summary>
/// <c>joinClub</c> / <c>leaveClub</c>: the calling student joins an active club open to self-joining
/// (always as <c>member</c>) or leaves one. At most 200 active members, held by the database.
/// </summary>
internal static class JoinClub
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<JoinClubInput, JoinClubPayload>("joinClub")
            .Description("The calling student joins a club as member.")
            .AuthorizeWithRoles(Roles.Student)
            .Run<ClubsDbContext>(async (command, input) =>
            {
                // Users' directory reads on this command's connection (CommandConnection): a flood of
                // joins holds one connection each, never one while waiting for a second.
                var me = await command.CallerStudentAsync();
                var club = await command.ClubAsync(input.ClubId);
                if (!club.IsActive)
                {
                    throw new UserErrorException(ClubErrorCodes.ClubInactive, "The club is deactivated and takes no new members.", "input", "clubId");
                }

                if (!club.AllowsSelfJoin)
                {
                    throw new UserErrorException(ClubErrorCodes.ClubClosedToSelfJoin, "This club takes members only through its organisers.", "input", "clubId");
                }

                var role = await command.MemberRoleAsync();
                var member = await new MembershipWriter(command.Db, command.Caller.Id, command.Now)
                    .ActivateAsync(club.Id, me, command.Caller.Id, role.Id, MembershipChangeKind.Joined, ["input", "clubId"], command.CancellationToken);
                await command.RecordAsync("clubmember.joined", member, oldRole: null, wasActive: false, club.Name, message: null);
                return new JoinClubPayload(member);
            });

    /// <summary>The caller's own student id (an active student), or NOT_A_STUDENT.</summary>
    public static async Task<long> CallerStudentAsync(this CommandContext<ClubsDbContext> command) =>
        (await command.Service<IUserDirectory>().RequireActiveStudentAsync(command.Caller.Id, ClubErrorCodes.NotAStudent, "Only students join clubs.", command.CancellationToken))
            .StudentId!.Value;
}

internal sealed record JoinClubInput([Id] string ClubId);

internal sealed record JoinClubPayload([Description("The caller's membership.")] ClubMember? Member) : Payload;

internal static class LeaveClub
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<LeaveClubInput, LeaveClubPayload>("leaveClub")
            .Description("The calling student leaves a club (history kept; joining again reactivates the membership).")
            .AuthorizeWithRoles(Roles.Student)
            .Run<ClubsDbContext>(async (command, input) =>
            {
                var club = await command.ClubAsync(input.ClubId);
                var me = command.Caller.Id;
                var member = await command.Db.Members.SingleOrDefaultAsync(m => m.ClubId == club.Id && m.UserId == me && m.IsActive, command.CancellationToken)
                    ?? throw new UserErrorException(ClubErrorCodes.NotAMember, "You are not an active member of this club.", "input", "clubId");
                var oldRole = (await command.Db.Roles.FindAsync([member.RoleId], command.CancellationToken))?.Name;
                await new MembershipWriter(command.Db, me, command.Now).DeactivateAsync(member, MembershipChangeKind.Left, command.CancellationToken);
                await command.RecordAsync("clubmember.left", member, oldRole, wasActive: true, club.Name, message: null);
                return new LeaveClubPayload(member);
            });
}

internal sealed record LeaveClubInput([Id] string ClubId);

internal sealed record LeaveClubPayload([Description("The caller's membership, now inactive.")] ClubMember? Member) : Payload;
