using System.ComponentModel;
using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Events.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Modules.Events.Registrations;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Lifecycle;

/// <summary>
/// <c>updateEvent</c> (EDIT_EVENTS; draft or scheduled events only). The date and times cannot change
/// while the event holds a hall booking; moving a scheduled event notifies every registrant;
/// <c>maxParticipants</c> never drops below the seats taken and raising it promotes from the waitlist; a move
/// clears the registrations' <c>reminder_sent_at</c>, so the new start is reminded.
/// </summary>
internal static class UpdateEvent
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<UpdateEventInput, UpdateEventPayload>("updateEvent")
            .Description("Edits a draft or scheduled event (EDIT_EVENTS). Omitted fields keep their values.")
            .Authorize()
            .Expensive(ExpensiveWork.Email)
            .Run<EventsDbContext>(async (command, input) =>
            {
                var e = await command.EventAsync(input.EventId, ClubPermission.EditEvents);
                EventCommands.CheckMutable(e);
                if (e.Status is not (EventStatus.Draft or EventStatus.Scheduled))
                {
                    throw new UserErrorException(EventErrorCodes.EventImmutable, "Only draft and scheduled events can be edited.", "input", "eventId");
                }

                EventCommands.CheckVersion(e, input.ExpectedVersion);
                var old = EventCommands.Values(e);
                var (date, start, end) = (e.EventDate, e.StartTime, e.EndTime);
                Apply(e, input);
                var moved = (date, start, end) != (e.EventDate, e.StartTime, e.EndTime);
                if (moved && await command.Service<IEventVenueCheck>().HoldsBookingAsync(e.Id, command.CancellationToken))
                {
                    throw new UserErrorException(EventErrorCodes.BookingHeld, "The event holds a hall booking: cancel the booking before moving the event.", "input", "eventDate");
                }

                var clock = command.Service<EventClock>();
                clock.Place(e);
                EventRules.CheckFields(e, clock, requireFuture: moved);
                // The check constraint ck_api_event_seats holds it again should a registration race this edit.
                if (e.MaxParticipants < e.RegisteredCount)
                {
                    throw new UserErrorException(EventErrorCodes.BelowRegistered, $"{e.RegisteredCount} students hold seats: the event needs at least that many.", "input", "maxParticipants");
                }

                await command.SaveEditAsync(e, "event.updated", old);

                await Waitlist.PromoteWhileSeatsAsync(command, e.Id, e.Name);
                if (moved)
                {
                    // The 24 h reminder follows the new start (after the event row's lock, the order of every Events command).
                    await command.Db.Registrations.Where(r => r.EventId == e.Id && r.ReminderSentAt != null)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentAt, (DateTime?)null), command.CancellationToken);
                }

                if (moved && e.Status == EventStatus.Scheduled)
                {
                    await EventNotices.RescheduledAsync(command, e);
                }

                return new UpdateEventPayload(await command.FreshAsync(e));
            });

    private static void Apply(Event e, UpdateEventInput input)
    {
        e.Name = input.Name?.Trim() ?? e.Name;
        e.Description = input.Description is null ? e.Description : EventRules.Clean(input.Description);
        e.EventDate = input.EventDate ?? e.EventDate;
        e.StartTime = input.StartTime ?? e.StartTime;
        e.EndTime = input.EndTime ?? e.EndTime;
        e.MaxParticipants = input.MaxParticipants ?? e.MaxParticipants;
        e.RegistrationDeadline = input.RegistrationDeadline?.ToUniversalTime() ?? e.RegistrationDeadline;
        e.VenueRequired = input.VenueRequired ?? e.VenueRequired;
        e.AicteCategoryId = input.AicteCategoryId is null ? e.AicteCategoryId : EventCommands.Key<AicteCategoryRef>(input.AicteCategoryId, "aicteCategoryId");
        e.PointsAwarded = input.PointsAwarded ?? e.PointsAwarded;
        e.ActivityHours = input.ActivityHours ?? e.ActivityHours;
    }
}

internal sealed record UpdateEventInput(
    [Id] string EventId,
    string? Name,
    string? Description,
    DateOnly? EventDate,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    [Description("Never below the seats taken; raising it promotes from the waitlist.")] int? MaxParticipants,
    DateTime? RegistrationDeadline,
    bool? VenueRequired,
    [Id] string? AicteCategoryId,
    int? PointsAwarded,
    int? ActivityHours,
    [Description("The event's version as loaded (Event.version): the edit is refused with EDIT_CONFLICT if another organizer changed it since.")] int? ExpectedVersion);

internal sealed record UpdateEventPayload(Event? Event) : Payload;
