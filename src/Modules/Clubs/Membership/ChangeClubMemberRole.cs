using System.ComponentModel;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Permissions;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Clubs.Membership;

/// <summary>
/// <c>changeClubMemberRole</c>: by holders of MANAGE_MEMBERS, the coordinator or an admin; a member
/// may neither grant nor take away a role above their own flags, and nobody changes their own role.
/// </summary>
internal static class ChangeClubMemberRole
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<ChangeClubMemberRoleInput, ChangeClubMemberRolePayload>("changeClubMemberRole")
            .Description("Gives an active member another role.")
            .Authorize()
            .Expensive(ExpensiveWork.Email)
            .Run<ClubsDbContext>(async (command, input) =>
            {
                var member = await command.LockedMemberAsync(input.MemberId);
                var role = await command.RoleAsync(input.RoleId);
                var granter = await command.GranterAsync(member.Club!);
                GrantRule.Check(granter, member.UserId, member.Role!.Permissions(), role.Permissions(), ["input", "roleId"]).ThrowIfNotNull();
                if (!member.IsActive)
                {
                    throw new UserErrorException(ClubErrorCodes.NotAMember, "This membership is not active.", "input", "memberId");
                }

                var oldRole = member.Role.Name;
                await new MembershipWriter(command.Db, command.Caller.Id, command.Now).ChangeRoleAsync(member, role.Id, command.CancellationToken);
                member.Role = role;
                await command.RecordAsync("clubmember.role_changed", member, oldRole, wasActive: true, member.Club!.Name, "Your role in {0} is now {1}.");
                return new ChangeClubMemberRolePayload(member);
            });
}

internal sealed record ChangeClubMemberRoleInput([Id, Description("A ClubMember id.")] string MemberId, [Id] string RoleId);

internal sealed record ChangeClubMemberRolePayload([Description("The membership as changed.")] ClubMember? Member) : Payload;
