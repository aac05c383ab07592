using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Lifecycle;

/// <summary>What registrants are told, in the command's transaction (so a rolled-back change tells no one).</summary>
internal static class EventNotices
{
    public static Task RegisteredAsync(CommandContext<EventsDbContext> command, EventRegistration row, string eventName) =>
        row.Status == RegistrationStatus.Registered
            ? command.NotifyAsync(row.UserId, new NotificationRequest(NotificationKinds.RegistrationConfirmed, Title(eventName), $"You are registered for {eventName}."))
            : command.NotifyAsync(row.UserId, new NotificationRequest(NotificationKinds.RegistrationWaitlisted, Title(eventName),
                $"{eventName} is full: you are on its waitlist and will be told when a seat frees up."));

    public static Task PromotedAsync(CommandContext<EventsDbContext> command, long userId, string eventName) =>
        command.NotifyAsync(userId, new NotificationRequest(NotificationKinds.RegistrationPromoted, Title(eventName),
            $"A seat freed up: you are now registered for {eventName}."));

    public static Task CancelledRegistrationAsync(CommandContext<EventsDbContext> command, long userId, string eventName) =>
        command.NotifyAsync(userId, new NotificationRequest(NotificationKinds.RegistrationCancelled, Title(eventName),
            $"Your registration for {eventName} is cancelled."));

    public static async Task RescheduledAsync(CommandContext<EventsDbContext> command, Event e) =>
        await command.NotifyManyAsync(await ActiveRegistrantsAsync(command, e.Id), new NotificationRequest(NotificationKinds.EventRescheduled, Title(e.Name),
            $"{e.Name} moved: it now takes place on {e.EventDate:yyyy-MM-dd} from {e.StartTime:HH\\:mm}{(e.EndTime is { } end ? $" to {end:HH\\:mm}" : "")}."));

    public static async Task CancelledAsync(CommandContext<EventsDbContext> command, Event e) =>
        await command.NotifyManyAsync(await ActiveRegistrantsAsync(command, e.Id), new NotificationRequest(NotificationKinds.EventCancelled, Title(e.Name),
            $"{e.Name} is cancelled: {e.CancelReason}"));

    private static async Task<List<long>> ActiveRegistrantsAsync(CommandContext<EventsDbContext> command, long eventId) =>
        await command.Db.Registrations
            .Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted))
            .Select(r => r.UserId).ToListAsync(command.CancellationToken);

    private static string Title(string eventName) => eventName.Length <= 200 ? eventName : eventName[..200];
}
