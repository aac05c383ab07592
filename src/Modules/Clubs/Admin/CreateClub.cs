using System.ComponentModel;
using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.GraphQL;
using CertifyTrack.Modules.Clubs.Membership;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Admin;

/// <summary><c>createClub</c> (admins): a unique name, an active mentor as coordinator, optionally a student as head.</summary>
internal static class CreateClub
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<CreateClubInput, CreateClubPayload>("createClub")
            .Description("Creates a club (admins).")
            .AuthorizeWithRoles(Roles.Admin)
            .OnUniqueViolation(ClubConfiguration.NameIndex, _ => ClubRules.NameTaken())
            .Run<ClubsDbContext>(async (command, input) =>
            {
                ClubRules.Check(input.Name, input.Description, input.EstablishedDate, DateOnly.FromDateTime(command.Now), nameRequired: true);
                var coordinatorId = InputIds.Key<MentorNode>(input.FacultyCoordinatorId, "facultyCoordinatorId");
                var headId = input.ClubHeadId is null ? (long?)null : InputIds.Key<StudentNode>(input.ClubHeadId, "clubHeadId");
                var coordinator = await command.MentorAsync(coordinatorId, "facultyCoordinatorId");
                if (headId is { } head)
                {
                    await command.StudentAsync(head, "clubHeadId");
                }

                var club = new Club
                {
                    Description = input.Description,
                    FacultyCoordinatorId = coordinatorId,
                    FacultyCoordinatorUserId = coordinator.UserId,
                    ClubHeadId = headId,
                    EstablishedDate = input.EstablishedDate,
                    AllowsSelfJoin = input.AllowsSelfJoin ?? true,
                    CreatedAt = command.Now,
                    UpdatedAt = command.Now,
                };
                club.Rename(input.Name);
                if (await command.Db.Clubs.AnyAsync(c => c.NormalizedName == club.NormalizedName, command.CancellationToken))
                {
                    throw new UserErrorException([ClubRules.NameTaken()]);
                }

                command.Db.Clubs.Add(club);
                await command.Db.SaveChangesAsync(command.CancellationToken);
                await command.AuditAsync(new AuditEntry("club.created", ClubNode.TypeName, $"{club.Id}") { NewValues = ClubAudit.Values(club) });
                return new CreateClubPayload(club.Node());
            });
}

internal sealed record CreateClubInput(
    [Description("Unique among clubs, ignoring case; at most 100 characters.")] string Name,
    string? Description,
    [Id, Description("An active mentor (a Mentor id).")] string FacultyCoordinatorId,
    [Id, Description("A student (a Student id).")] string? ClubHeadId,
    [Description("Not in the future.")] DateOnly? EstablishedDate,
    [Description("Whether students may join by themselves; true when omitted.")] bool? AllowsSelfJoin);

internal sealed record CreateClubPayload([Description("The new club.")] ClubNode? Club) : Payload;
