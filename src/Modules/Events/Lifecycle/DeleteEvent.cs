using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Lifecycle;

/// <summary><c>deleteEvent</c> (DELETE_EVENTS): only a draft without registrations is removed; anything else is cancelled instead.</summary>
internal static class DeleteEvent
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<EventTransitionInput, DeleteEventPayload>("deleteEvent")
            .Description("Deletes a draft event that has no registrations (DELETE_EVENTS).")
            .Authorize()
            .Run<EventsDbContext>(async (command, input) =>
            {
                var e = await command.EventAsync(input.EventId, ClubPermission.DeleteEvents);
                EventCommands.CheckVersion(e, input.ExpectedVersion);
                if (e.Status != EventStatus.Draft)
                {
                    throw new UserErrorException(EventErrorCodes.InvalidTransition, "Only drafts can be deleted; cancel a published event instead.", "input", "eventId");
                }

                if (await command.Db.Registrations.AnyAsync(r => r.EventId == e.Id, command.CancellationToken))
                {
                    throw new UserErrorException(EventErrorCodes.HasRegistrations, "An event with registrations is never deleted.", "input", "eventId");
                }

                await command.AuditAsync(new AuditEntry("event.deleted", Event.TypeName, $"{e.Id}") { OldValues = EventCommands.Values(e) });
                command.Db.Events.Remove(e);
                await command.Db.SaveChangesAsync(command.CancellationToken);
                return new DeleteEventPayload(input.EventId);
            });
}

internal sealed record DeleteEventPayload(string? DeletedEventId) : Payload;
