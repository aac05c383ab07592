using System.ComponentModel;
using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Events.Attendance;
using CertifyTrack.Modules.Events.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Modules.Events.Registrations;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Events.Lifecycle;

/// <summary>
/// The lifecycle commands, each with its permission, guard, audit entry and notifications:
/// <c>scheduleEvent</c> (EDIT_EVENTS), <c>startEvent</c> (START_EVENTS), <c>completeEvent</c> (END_EVENTS),
/// <c>cancelEvent</c> (DELETE_EVENTS; reason required), <c>deleteEvent</c> (DELETE_EVENTS; drafts only).
/// </summary>
internal static class EventTransitions
{
    public static void Declare(ObjectGraphType mutation)
    {
        Transition<EventTransitionInput>(mutation, "scheduleEvent", "Publishes a draft: students may register (EDIT_EVENTS; the club active, the start in the future, a hall booking if the event needs a venue).",
            ClubPermission.EditEvents, EventStatus.Scheduled, ScheduleAsync);
        Transition<EventTransitionInput>(mutation, "startEvent", "Starts a scheduled event, from 1 h before its start (START_EVENTS).",
            ClubPermission.StartEvents, EventStatus.Ongoing, StartAsync);
        Transition<EventTransitionInput>(mutation, "completeEvent", "Ends an ongoing event (END_EVENTS).",
            ClubPermission.EndEvents, EventStatus.Completed, CompleteAsync);
        Transition<CancelEventInput>(mutation, "cancelEvent", "Cancels a draft, scheduled or ongoing event with a reason (DELETE_EVENTS); registrants are told.",
            ClubPermission.DeleteEvents, EventStatus.Cancelled, CancelAsync, emails: true);
        DeleteEvent.Declare(mutation);
    }

    private static void Transition<TInput>(ObjectGraphType mutation, string name, string description, ClubPermission permission, EventStatus to,
        Func<CommandContext<EventsDbContext>, Event, TInput, Task> guardAndEffects, bool emails = false)
        where TInput : ITransitionInput
    {
        var field = mutation.Command<TInput, EventTransitionPayload>(name).Description(description).Authorize();
        (emails ? field.Expensive(ExpensiveWork.Email) : field).Run<EventsDbContext>(async (command, input) =>
            {
                var e = await command.EventAsync(input.EventId, permission);
                EventCommands.CheckVersion(e, input.ExpectedVersion);
                var old = EventCommands.Values(e);
                EventRules.Move(e, to);
                await guardAndEffects(command, e, input);
                await command.SaveEditAsync(e, $"event.{to.ToString().ToLowerInvariant()}", old);
                if (to is EventStatus.Completed or EventStatus.Cancelled)
                {
                    // Its registrations stop counting toward each student's ten (after the event row is locked by the save).
                    await StudentLoad.ReleaseEventAsync(command.Db, e.Id, command.CancellationToken);
                }

                if (to == EventStatus.Completed)
                {
                    // After the loads are released (they count REGISTERED rows): each seat ends ATTENDED or NO_SHOW.
                    await AttendanceCompletion.EndRegistrationsAsync(command.Db, e.Id, command.Now, command.CancellationToken);
                }

                if (to == EventStatus.Cancelled)
                {
                    await EventNotices.CancelledAsync(command, e);
                }

                return new EventTransitionPayload(e);
            });
    }

    private static async Task ScheduleAsync(CommandContext<EventsDbContext> command, Event e, EventTransitionInput input)
    {
        if (!await command.Service<IClubPermissions>().IsActiveAsync(e.ClubId, command.CancellationToken))
        {
            throw new UserErrorException(EventErrorCodes.ClubInactive, "A deactivated club cannot schedule events.", "input", "eventId");
        }

        var clock = command.Service<EventClock>();
        clock.Place(e);
        EventRules.CheckFields(e, clock, requireFuture: true, scheduling: true);
        if (e.VenueRequired && !await command.Service<IEventVenueCheck>().HasApprovedBookingAsync(e.Id, e.StartsAt, e.EndsAt, command.CancellationToken))
        {
            throw new UserErrorException(EventErrorCodes.VenueRequired, "This event needs an approved hall booking covering its time before it can be scheduled.", "input", "eventId");
        }

        e.ScheduledAt = command.Now;
    }

    private static Task StartAsync(CommandContext<EventsDbContext> command, Event e, EventTransitionInput input)
    {
        var clock = command.Service<EventClock>();
        if (clock.UtcNow < e.StartsAt - clock.StartWindow)
        {
            throw new UserErrorException(EventErrorCodes.TooEarlyToStart,
                $"An event can be started from {clock.StartWindow.TotalMinutes:0} minutes before its start.", "input", "eventId");
        }

        e.StartedAt = command.Now;
        return Task.CompletedTask;
    }

    private static async Task CompleteAsync(CommandContext<EventsDbContext> command, Event e, EventTransitionInput input)
    {
        e.CompletedAt = command.Now;
        await command.PublishAsync(new EventCompleted(e.Id, e.ClubId, e.Name, e.EventDate, e.StartTime, e.EndTime, e.StartsAt, e.EndsAt,
            e.AicteCategoryId, e.PointsAwarded, e.ActivityHours, e.CompletedAt.Value));
    }

    private static async Task CancelAsync(CommandContext<EventsDbContext> command, Event e, CancelEventInput input)
    {
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw new UserErrorException(EventErrorCodes.ReasonRequired, "Say why the event is cancelled.", "input", "reason");
        }

        if (reason.Length > Event.CancelReasonMaxLength)
        {
            throw new UserErrorException(EventErrorCodes.ReasonTooLong, $"A reason has at most {Event.CancelReasonMaxLength} characters.", "input", "reason");
        }

        e.CancelReason = reason;
        e.CancelledAt = command.Now;
        await command.PublishAsync(new EventCancelled(e.Id, e.ClubId, e.Name, e.EventDate, e.StartTime, e.EndTime, e.StartsAt, e.EndsAt, reason, e.CancelledAt.Value));
    }
}

internal interface ITransitionInput
{
    string EventId { get; }

    int? ExpectedVersion { get; }
}

internal sealed record EventTransitionInput(
    [Id] string EventId,
    [Description("The event's version as loaded (Event.version): refused with EDIT_CONFLICT if another organizer changed it since.")] int? ExpectedVersion) : ITransitionInput;

internal sealed record CancelEventInput(
    [Id] string EventId,
    [Description("Why (required; at most 500 characters); registrants are told.")] string Reason,
    [Description("The event's version as loaded (Event.version).")] int? ExpectedVersion) : ITransitionInput;

internal sealed record EventTransitionPayload(Event? Event) : Payload;
