using System.ComponentModel;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Lifecycle;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Registrations;

/// <summary>
/// <c>registerForEvent</c>: the calling student takes a seat of a scheduled event before its
/// registration deadline, or joins its waitlist when it is full. One row per (event, student):
/// registering again after a cancel reuses it. Seats and the per-student cap of 10 are held by
/// conditional updates (<see cref="SeatCounter"/>, <see cref="StudentLoad"/>).
/// </summary>
internal static class RegisterForEvent
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<RegisterForEventInput, RegisterForEventPayload>("registerForEvent")
            .Description("The calling student registers for a scheduled event: REGISTERED while seats last, else WAITLISTED.")
            .AuthorizeWithRoles(Roles.Student)
            .OnUniqueViolation(EventRegistrationConfiguration.EventStudentIndex, _ => Already())
            .Expensive(ExpensiveWork.Email)
            .Run<EventsDbContext>(async (command, input) =>
            {
                // Everything that needs no seat comes before the event row's lock, which every registration of
                // the event waits for: the directory (on this command's connection), the event, the student's row.
                var me = await command.CallerStudentAsync();
                var key = EventCommands.Key<Event>(input.EventId, "eventId");
                var e = await command.Db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == key, command.CancellationToken);
                if (e is null || e.Status == EventStatus.Draft)
                {
                    throw new UserErrorException(EventErrorCodes.EventNotFound, "There is no such event.", "input", "eventId");
                }

                var clock = command.Service<EventClock>();
                if (e.Status != EventStatus.Scheduled || clock.UtcNow > clock.DeadlineOf(e))
                {
                    throw Closed();
                }

                // An active row answers at once; a cancelled one is read again under the lock (below). A row created
                // meanwhile by a concurrent request of the same student breaks the unique index: ALREADY_REGISTERED.
                var row = await command.Db.Registrations.SingleOrDefaultAsync(r => r.EventId == e.Id && r.StudentId == me.StudentId, command.CancellationToken);
                if (row is { IsActive: true })
                {
                    throw new UserErrorException([Already()]);
                }

                // Event row first (seat or waitlist place), then the student's load row: the lock order of every Events command.
                var seated = await SeatCounter.TryTakeSeatAsync(command.Db, e.Id, command.CancellationToken);
                var sequence = seated ? (long?)null : await SeatCounter.JoinWaitlistAsync(command.Db, e.Id, command.CancellationToken) ?? throw Closed();
                if (row is not null)
                {
                    // Under the event row's lock: a concurrent registration of the same student has committed or not started.
                    await command.Db.Entry(row).ReloadAsync(command.CancellationToken);
                    if (row.IsActive)
                    {
                        throw new UserErrorException([Already()]);
                    }
                }

                if (!await StudentLoad.TryTakeAsync(command.Db, me.StudentId!.Value, command.CancellationToken))
                {
                    throw new UserErrorException(EventErrorCodes.TooManyRegistrations,
                        $"You hold {StudentRegistrationLoad.MaxActiveRegistrations} active registrations already; cancel one first.", "input", "eventId");
                }

                row ??= command.Db.Registrations.Add(new EventRegistration
                {
                    EventId = e.Id,
                    StudentId = me.StudentId.Value,
                    UserId = me.UserId,
                    CheckInCode = CheckInCodes.New(),
                }).Entity;
                row.Status = seated ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
                row.WaitlistSequence = sequence;
                row.RegistrationDate = command.Now;
                row.CancelledAt = null;
                row.PromotedAt = null;
                row.UpdatedAt = command.Now;
                await command.Db.SaveChangesAsync(command.CancellationToken);   // the row's id, for the audit entry
                await command.AuditAsync(new AuditEntry("eventregistration.created", EventRegistration.TypeName, $"{row.Id}")
                {
                    NewValues = new { row.EventId, row.StudentId, Status = row.Status.ToString(), row.WaitlistSequence },
                });
                await EventNotices.RegisteredAsync(command, row, e.Name);
                command.Updated(e.Id);
                return new RegisterForEventPayload(row);
            });

    /// <summary>The caller as an active student of Users' directory, or REGISTRANT_NOT_A_STUDENT.</summary>
    public static Task<DirectoryUser> CallerStudentAsync(this CommandContext<EventsDbContext> command) =>
        command.Service<IUserDirectory>().RequireActiveStudentAsync(command.Caller.Id, EventErrorCodes.NotAStudent, "Only students register for events.", command.CancellationToken);

    private static UserErrorException Closed() =>
        new(EventErrorCodes.RegistrationClosed, "Registration for this event is closed.", "input", "eventId");

    private static UserError Already() => new(EventErrorCodes.AlreadyRegistered, "You are registered for this event already.", ["input", "eventId"]);
}

internal sealed record RegisterForEventInput([Id] string EventId);

internal sealed record RegisterForEventPayload([Description("REGISTERED or WAITLISTED (with its position).")] EventRegistration? Registration) : Payload;
