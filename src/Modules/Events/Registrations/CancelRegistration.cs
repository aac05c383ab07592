using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Lifecycle;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Registrations;

/// <summary>
/// <c>cancelRegistration</c>: the calling student gives up their seat or waitlist place until the event
/// starts; a freed seat goes to the first waitlisted student in the same transaction.
/// </summary>
internal static class CancelRegistration
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<CancelRegistrationInput, CancelRegistrationPayload>("cancelRegistration")
            .Description("Cancels the calling student's registration (until the event starts); the first waitlisted student takes the seat.")
            .AuthorizeWithRoles(Roles.Student)
            .Expensive(ExpensiveWork.Email)
            .Run<EventsDbContext>(async (command, input) =>
            {
                // Users' directory on this command's connection and transaction, before the event row's lock.
                var me = await command.CallerStudentAsync();
                var key = EventCommands.Key<Event>(input.EventId, "eventId");
                var e = await command.Db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == key, command.CancellationToken)
                    ?? throw NotRegistered();
                // Lock the event row first (the module's lock order: event, student load, registrations), then read
                // the registration under it: a concurrent promotion cannot change it between the read and the write.
                await SeatCounter.LockAsync(command.Db, e.Id, command.CancellationToken);
                var row = await command.Db.Registrations.AsNoTracking()
                    .SingleOrDefaultAsync(r => r.EventId == e.Id && r.StudentId == me.StudentId, command.CancellationToken);
                if (row is not { IsActive: true })
                {
                    throw NotRegistered();
                }

                if (e.Status != EventStatus.Scheduled || command.Service<EventClock>().UtcNow >= e.StartsAt)
                {
                    throw new UserErrorException(EventErrorCodes.EventStarted, "Registrations can be cancelled only until the event starts.", "input", "eventId");
                }

                await SeatCounter.ReleaseAsync(command.Db, e.Id, row.Status, command.CancellationToken);
                await StudentLoad.ReleaseAsync(command.Db, me.StudentId!.Value, command.CancellationToken);
                var now = command.Now;
                var held = row.Status;
                var cancelled = await command.Db.Registrations.Where(r => r.Id == row.Id && r.Status == held)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Status, RegistrationStatus.Cancelled)
                        .SetProperty(r => r.WaitlistSequence, (long?)null)
                        .SetProperty(r => r.CancelledAt, now)
                        .SetProperty(r => r.UpdatedAt, now), command.CancellationToken);
                if (cancelled != 1)
                {
                    throw NotRegistered(); // a concurrent cancel of the same registration won; this one rolls back
                }

                if (held == RegistrationStatus.Registered)
                {
                    await Waitlist.PromoteWhileSeatsAsync(command, e.Id, e.Name);
                }

                await command.AuditAsync(new AuditEntry("eventregistration.cancelled", EventRegistration.TypeName, $"{row.Id}")
                {
                    OldValues = new { Status = held.ToString() },
                    NewValues = new { Status = nameof(RegistrationStatus.Cancelled) },
                });
                await EventNotices.CancelledRegistrationAsync(command, me.UserId, e.Name);
                command.Updated(e.Id);
                // The row as the update above left it, without reading it back.
                row.Status = RegistrationStatus.Cancelled;
                row.WaitlistSequence = null;
                row.CancelledAt = now;
                row.UpdatedAt = now;
                return new CancelRegistrationPayload(row);
            });

    private static UserErrorException NotRegistered() =>
        new(EventErrorCodes.NotRegistered, "You hold no registration for this event.", "input", "eventId");
}

internal sealed record CancelRegistrationInput([Id] string EventId);

internal sealed record CancelRegistrationPayload(EventRegistration? Registration) : Payload;
