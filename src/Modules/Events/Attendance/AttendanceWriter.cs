using CertifyTrack.Modules.Events.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>One mark to apply: a registration of the event and whether its student was there.</summary>
internal sealed record Mark(EventRegistration Registration, bool Present);

/// <summary>What one mark changed (<c>Was</c> null: the student had not been marked before).</summary>
internal sealed record AttendanceChange(long StudentId, bool? Was, bool Present);

/// <summary>
/// Applies marks to one event inside the command's transaction, the event row locked first
/// (<see cref="LockAsync"/>): markings, check-ins and the completion of one event run one after another,
/// so what each reads (earlier marks, the event's status, registration statuses) is what it writes over.
/// The unique (event, student) index stays the last guard: one attendance row per student.
/// </summary>
internal static class AttendanceWriter
{
    /// <summary>
    /// Takes the event row's write lock for the transaction (a no-op update: a row lock on PostgreSQL,
    /// the write lock on SQLite) and reads the event as it is then; null when there is no such event.
    /// </summary>
    public static async Task<Event?> LockAsync(EventsDbContext db, long eventId, CancellationToken ct) =>
        await LockRowAsync(db, eventId, ct) ? await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct) : null;

    /// <summary>The lock alone (one statement); false when there is no such event.</summary>
    public static async Task<bool> LockRowAsync(EventsDbContext db, long eventId, CancellationToken ct) =>
        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.AttendedCount, e => e.AttendedCount), ct) == 1;

    /// <summary>
    /// Writes <paramref name="marks"/> (distinct students, registrations tracked by the command's context):
    /// unchanged marks are left alone (idempotent). After completion a registration follows its mark
    /// (ATTENDED or NO_SHOW) and a change either way is published durably. Keeps <c>attended_count</c>
    /// equal to the present rows and audits the batch.
    /// </summary>
    public static async Task<IReadOnlyList<AttendanceChange>> ApplyAsync(
        CommandContext<EventsDbContext> command, Event e, IReadOnlyList<Mark> marks, string source, int refused)
    {
        var db = command.Db;
        var ids = marks.Select(m => m.Registration.StudentId).ToList();
        var rows = await db.Attendance.Where(a => a.EventId == e.Id && ids.Contains(a.StudentId))
            .ToDictionaryAsync(a => a.StudentId, command.CancellationToken);
        var changes = new List<AttendanceChange>();
        foreach (var (registration, present) in marks)
        {
            var row = rows.GetValueOrDefault(registration.StudentId);
            if (row?.IsPresent == present)
            {
                continue;
            }

            changes.Add(new AttendanceChange(registration.StudentId, row?.IsPresent, present));
            row ??= db.Attendance.Add(new EventAttendance { EventId = e.Id, StudentId = registration.StudentId }).Entity;
            (row.IsPresent, row.MarkedAt, row.MarkedById) = (present, command.Now, command.Caller.UserId);
            if (e.Status == EventStatus.Completed)
            {
                await FollowMarkAsync(command, e, registration, present);
            }
        }

        await db.SaveChangesAsync(command.CancellationToken);
        await db.Events.Where(x => x.Id == e.Id).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.AttendedCount, x => db.Attendance.Count(a => a.EventId == x.Id && a.IsPresent)), command.CancellationToken);
        await command.AuditAsync(new AuditEntry("event.attendance_marked", Event.TypeName, $"{e.Id}")
        {
            NewValues = new { source, refused, changes = changes.Select(c => new { c.StudentId, c.Was, c.Present }) },
        });
        return changes;
    }

    /// <summary>After completion: the registration's end state follows the mark; a changed one is published.</summary>
    private static async Task FollowMarkAsync(CommandContext<EventsDbContext> command, Event e, EventRegistration registration, bool present)
    {
        var wasAttended = registration.Status == RegistrationStatus.Attended;
        registration.Status = present ? RegistrationStatus.Attended : RegistrationStatus.NoShow;
        registration.UpdatedAt = command.Now;
        if (present && !wasAttended)
        {
            await command.PublishAsync(new AttendanceConfirmed(e.Id, e.ClubId, registration.StudentId, registration.UserId,
                e.AicteCategoryId, e.PointsAwarded, e.ActivityHours, command.Now));
        }
        else if (!present && wasAttended)
        {
            await command.PublishAsync(new AttendanceRevoked(e.Id, e.ClubId, registration.StudentId, registration.UserId,
                e.AicteCategoryId, e.PointsAwarded, e.ActivityHours, command.Now));
        }
    }
}
