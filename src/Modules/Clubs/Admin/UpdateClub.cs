using System.ComponentModel;
using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.GraphQL;
using CertifyTrack.Modules.Clubs.Membership;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Notifications;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Admin;

/// <summary>
/// <c>updateClub</c> (admins): omitted fields stay. <c>isActive: false</c> deactivates the club: its
/// memberships and history stay, it takes no new members, and its members' permissions lapse.
/// The coordinator (old and new, when it changes) is notified.
/// </summary>
internal static class UpdateClub
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<UpdateClubInput, UpdateClubPayload>("updateClub")
            .Description("Changes a club's fields; isActive false deactivates it (admins).")
            .AuthorizeWithRoles(Roles.Admin)
            .OnUniqueViolation(ClubConfiguration.NameIndex, _ => ClubRules.NameTaken())
            .Expensive(ExpensiveWork.Email)
            .Run<ClubsDbContext>(async (command, input) =>
            {
                var club = await command.ClubAsync(input.ClubId);
                ClubRules.Check(input.Name, input.Description, establishedDate: null, DateOnly.FromDateTime(command.Now), nameRequired: false);
                var before = ClubAudit.Values(club);
                var oldCoordinatorUser = club.FacultyCoordinatorUserId;
                if (input.FacultyCoordinatorId is not null)
                {
                    var mentorId = InputIds.Key<MentorNode>(input.FacultyCoordinatorId, "facultyCoordinatorId");
                    club.FacultyCoordinatorUserId = (await command.MentorAsync(mentorId, "facultyCoordinatorId")).UserId;
                    club.FacultyCoordinatorId = mentorId;
                }

                if (input.ClubHeadId is not null)
                {
                    var headId = InputIds.Key<StudentNode>(input.ClubHeadId, "clubHeadId");
                    await command.StudentAsync(headId, "clubHeadId");
                    club.ClubHeadId = headId;
                }

                if (input.Name is not null)
                {
                    club.Rename(input.Name);
                    if (await command.Db.Clubs.AnyAsync(c => c.Id != club.Id && c.NormalizedName == club.NormalizedName, command.CancellationToken))
                    {
                        throw new UserErrorException([ClubRules.NameTaken()]);
                    }
                }

                club.Description = input.Description ?? club.Description;
                club.IsActive = input.IsActive ?? club.IsActive;
                club.AllowsSelfJoin = input.AllowsSelfJoin ?? club.AllowsSelfJoin;
                club.UpdatedAt = command.Now;
                await command.AuditAsync(new AuditEntry("club.updated", ClubNode.TypeName, $"{club.Id}") { OldValues = before, NewValues = ClubAudit.Values(club) });
                var notice = new NotificationRequest(NotificationKinds.ClubUpdated, $"{club.Name} was updated",
                    club.IsActive ? $"An admin changed the details of {club.Name}, a club you coordinate." : $"An admin deactivated {club.Name}, a club you coordinate.");
                var coordinators = new[] { oldCoordinatorUser, club.FacultyCoordinatorUserId }.OfType<long>().Distinct().ToList();
                await command.NotifyManyAsync(coordinators, notice);
                command.ForgetCachedPermissions();
                return new UpdateClubPayload(club.Node());
            });
}

internal sealed record UpdateClubInput(
    [Id] string ClubId,
    [Description("Unique among clubs, ignoring case.")] string? Name,
    string? Description,
    [Id, Description("An active mentor (a Mentor id).")] string? FacultyCoordinatorId,
    [Id, Description("A student (a Student id).")] string? ClubHeadId,
    [Description("False deactivates the club: history kept, no new members.")] bool? IsActive,
    [Description("Whether students may join by themselves.")] bool? AllowsSelfJoin);

internal sealed record UpdateClubPayload([Description("The club as changed.")] ClubNode? Club) : Payload;
