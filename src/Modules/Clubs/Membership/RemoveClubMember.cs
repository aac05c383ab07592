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
/// <c>removeClubMember</c>: deactivates the membership (the row and its history stay; rejoining
/// reactivates it). By holders of MANAGE_MEMBERS for members whose role is within their own flags,
/// the coordinator or an admin. The removed member loses every permission at once.
/// </summary>
internal static class RemoveClubMember
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<RemoveClubMemberInput, RemoveClubMemberPayload>("removeClubMember")
            .Description("Removes a member from a club (soft: history kept).")
            .Authorize()
            .Expensive(ExpensiveWork.Email)
            .Run<ClubsDbContext>(async (command, input) =>
            {
                var member = await command.LockedMemberAsync(input.MemberId);
                var granter = await command.GranterAsync(member.Club!);
                GrantRule.Check(granter, member.UserId, member.Role!.Permissions(), newRole: null, ["input", "memberId"]).ThrowIfNotNull();
                await new MembershipWriter(command.Db, command.Caller.Id, command.Now).DeactivateAsync(member, MembershipChangeKind.Removed, command.CancellationToken);
                await command.RecordAsync("clubmember.removed", member, member.Role.Name, wasActive: true, member.Club!.Name, "You were removed from {0}.");
                return new RemoveClubMemberPayload(member);
            });
}

internal sealed record RemoveClubMemberInput([Id, Description("A ClubMember id.")] string MemberId);

internal sealed record RemoveClubMemberPayload([Description("The membership, now inactive.")] ClubMember? Member) : Payload;
