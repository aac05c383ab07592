using System.ComponentModel;
using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Permissions;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Errors;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Clubs.Membership;

/// <summary>
/// <c>addClubMember</c>: by holders of MANAGE_MEMBERS (only roles within their own flags), the club's
/// coordinator or an admin. A removed member is reactivated (same row); the cap holds (<see cref="MemberCounter"/>).
/// </summary>
internal static class AddClubMember
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<AddClubMemberInput, AddClubMemberPayload>("addClubMember")
            .Description("Adds a student to a club with a role (member when omitted).")
            .Authorize()
            .Expensive(ExpensiveWork.Email)
            .Run<ClubsDbContext>(async (command, input) =>
            {
                // The permission and the directory read on this command's connection and transaction (CommandConnection).
                var clubKey = InputIds.Key<ClubNode>(input.ClubId, "clubId");
                if (!command.Caller.IsAdmin
                    && !await command.Service<IClubPermissions>().CanAsync(command.Caller.Id, clubKey, ClubPermission.ManageMembers, command.CancellationToken))
                {
                    throw new UserErrorException(PlatformErrorCodes.Forbidden, "Only members who manage members, the club's coordinator or an admin may do this.", "input");
                }

                var studentId = InputIds.Key<StudentNode>(input.StudentId, "studentId");
                var student = await command.StudentAsync(studentId, "studentId");
                var club = await command.ClubAsync(input.ClubId);
                var role = input.RoleId is null ? await command.MemberRoleAsync() : await command.RoleAsync(input.RoleId);
                var granter = await command.GranterAsync(club);
                GrantRule.Check(granter, targetUserId: 0, currentRole: null, role.Permissions(), ["input", "roleId"]).ThrowIfNotNull();
                var writer = new MembershipWriter(command.Db, command.Caller.Id, command.Now);
                var member = await writer.ActivateAsync(club.Id, studentId, student.UserId, role.Id, MembershipChangeKind.Added, ["input", "studentId"], command.CancellationToken);
                await command.RecordAsync("clubmember.added", member, oldRole: null, wasActive: false, club.Name, "You were added to {0} as {1}.");
                return new AddClubMemberPayload(member);
            });
}

internal sealed record AddClubMemberInput(
    [Id] string ClubId,
    [Id, Description("A Student id.")] string StudentId,
    [Id, Description("A ClubRole id; member when omitted.")] string? RoleId);

internal sealed record AddClubMemberPayload([Description("The membership.")] ClubMember? Member) : Payload;
