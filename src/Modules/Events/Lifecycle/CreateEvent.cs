using System.ComponentModel;
using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Events.Lifecycle;

/// <summary><c>createEvent</c> (CREATE_EVENTS in an active club): a draft, its times in the future in the institution's zone.</summary>
internal static class CreateEvent
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<CreateEventInput, CreateEventPayload>("createEvent")
            .Description("Creates a draft event of a club (CREATE_EVENTS). Dates and times are the institution's local time.")
            .Authorize()
            .Run<EventsDbContext>(async (command, input) =>
            {
                var clubId = EventCommands.Key<ClubNode>(input.ClubId, "clubId");
                if (!await command.MayAsync(clubId, ClubPermission.CreateEvents))
                {
                    throw new UserErrorException(EventErrorCodes.NotAllowed, "You may not create events for this club.", "input", "clubId");
                }

                if (!await command.Service<IClubPermissions>().IsActiveAsync(clubId, command.CancellationToken))
                {
                    throw new UserErrorException(EventErrorCodes.ClubInactive, "A deactivated club cannot create events.", "input", "clubId");
                }

                var e = new Event
                {
                    ClubId = clubId,
                    Name = input.Name?.Trim() ?? "",
                    Description = EventRules.Clean(input.Description),
                    EventDate = input.EventDate,
                    StartTime = input.StartTime,
                    EndTime = input.EndTime,
                    MaxParticipants = input.MaxParticipants,
                    RegistrationDeadline = input.RegistrationDeadline?.ToUniversalTime(),
                    VenueRequired = input.VenueRequired ?? false,
                    AicteCategoryId = input.AicteCategoryId is null ? null : EventCommands.Key<AicteCategoryRef>(input.AicteCategoryId, "aicteCategoryId"),
                    PointsAwarded = input.PointsAwarded,
                    ActivityHours = input.ActivityHours,
                    CreatedById = command.Caller.UserId,
                    CreatedAt = command.Now,
                    UpdatedAt = command.Now,
                };
                var clock = command.Service<EventClock>();
                clock.Place(e);
                EventRules.CheckFields(e, clock, requireFuture: true);
                command.Db.Events.Add(e);
                await command.Db.SaveChangesAsync(command.CancellationToken);
                await command.AuditAsync(new AuditEntry("event.created", Event.TypeName, $"{e.Id}") { NewValues = EventCommands.Values(e) });
                return new CreateEventPayload(e);
            });
}

/// <summary>The global id type of an AICTE category (the Aicte module's node; Events keeps only its key).</summary>
internal sealed class AicteCategoryRef : CertifyTrack.Shared.GraphQL.Relay.INode
{
    public static string TypeName => "AicteCategory";
}

internal sealed record CreateEventInput(
    [Id] string ClubId,
    [Description("At most 200 characters.")] string Name,
    [Description("At most 5000 characters.")] string? Description,
    [Description("The institution's local date.")] DateOnly EventDate,
    [Description("Local time; the event must start in the future.")] TimeOnly StartTime,
    [Description("Local time, after the start.")] TimeOnly EndTime,
    [Description("Seats; null for no limit.")] int? MaxParticipants,
    [Description("When registration closes (by the start); default: 2 h before the start (Events:RegistrationDeadlineMinutes).")] DateTime? RegistrationDeadline,
    [Description("Whether scheduling needs an approved hall booking covering the event.")] bool? VenueRequired,
    [Id] string? AicteCategoryId,
    [Description("AICTE points per attendee.")] int? PointsAwarded,
    int? ActivityHours);

internal sealed record CreateEventPayload([Description("The new draft.")] Event? Event) : Payload;
