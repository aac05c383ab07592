using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Registrations;

/// <summary>
/// A student's count of active registrations (<see cref="StudentRegistrationLoad"/>): a conditional
/// upsert takes one (<c>ON CONFLICT … DO UPDATE … WHERE active_count &lt; 10</c>, the same SQL on
/// SQLite and PostgreSQL), so concurrent registrations of one student stop at ten; the row lock of
/// the upsert serialises them.
/// </summary>
internal static class StudentLoad
{
    public static async Task<bool> TryTakeAsync(EventsDbContext db, long studentId, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO api_eventstudentload (student_id, active_count) VALUES ({studentId}, 1)
            ON CONFLICT (student_id) DO UPDATE SET active_count = api_eventstudentload.active_count + 1
            WHERE api_eventstudentload.active_count < {StudentRegistrationLoad.MaxActiveRegistrations}
            """, ct) == 1;

    public static Task ReleaseAsync(EventsDbContext db, long studentId, CancellationToken ct) =>
        db.StudentLoads.Where(l => l.StudentId == studentId && l.ActiveCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ActiveCount, l => l.ActiveCount - 1), ct);

    /// <summary>When an event completes or is cancelled its registrations stop counting: one less for each holder.</summary>
    public static Task ReleaseEventAsync(EventsDbContext db, long eventId, CancellationToken ct) =>
        db.StudentLoads
            .Where(l => l.ActiveCount > 0 && db.Registrations.Any(r => r.EventId == eventId && r.StudentId == l.StudentId
                && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted)))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ActiveCount, l => l.ActiveCount - 1), ct);
}
