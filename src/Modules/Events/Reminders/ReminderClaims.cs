using CertifyTrack.Modules.Events.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Reminders;

/// <summary>A registration the sweep has claimed for its reminder.</summary>
internal sealed class ClaimedReminder
{
    public long Id { get; set; }

    public long EventId { get; set; }

    public long UserId { get; set; }
}

/// <summary>
/// Claims due reminders with one conditional <c>UPDATE … SET reminder_sent_at = now WHERE reminder_sent_at IS NULL …
/// RETURNING</c>: a row is claimed by exactly one statement, whichever sweep (or host instance) runs it.
/// Due: a REGISTERED row, not yet reminded, of a scheduled event starting within the lead (now, horizon].
/// On PostgreSQL the candidates are picked <c>FOR UPDATE SKIP LOCKED</c>, so a concurrent sweep takes
/// other rows instead of waiting; and after waiting on a row, the outer <c>reminder_sent_at IS NULL</c>
/// is re-checked against the committed version. SQLite has one writer at a time.
/// </summary>
internal static class ReminderClaims
{
    public static Task<List<ClaimedReminder>> ClaimAsync(EventsDbContext db, DateTime now, DateTime horizon, int batch, CancellationToken ct) =>
        (db.Database.IsNpgsql()
            ? db.Database.SqlQuery<ClaimedReminder>(
                $"""
                UPDATE api_eventregistration SET reminder_sent_at = {now}
                WHERE reminder_sent_at IS NULL AND status = 'REGISTERED' AND id IN (
                    SELECT r.id FROM api_eventregistration r JOIN api_event e ON e.id = r.event_id
                    WHERE r.reminder_sent_at IS NULL AND r.status = 'REGISTERED'
                      AND e.status = 'scheduled' AND e.starts_at > {now} AND e.starts_at <= {horizon}
                    ORDER BY r.id LIMIT {batch}
                    FOR UPDATE OF r SKIP LOCKED)
                RETURNING id, event_id, user_id
                """)
            : db.Database.SqlQuery<ClaimedReminder>(
                $"""
                UPDATE api_eventregistration SET reminder_sent_at = {now}
                WHERE reminder_sent_at IS NULL AND status = 'REGISTERED' AND id IN (
                    SELECT r.id FROM api_eventregistration r JOIN api_event e ON e.id = r.event_id
                    WHERE r.reminder_sent_at IS NULL AND r.status = 'REGISTERED'
                      AND e.status = 'scheduled' AND e.starts_at > {now} AND e.starts_at <= {horizon}
                    ORDER BY r.id LIMIT {batch})
                RETURNING id, event_id, user_id
                """)).ToListAsync(ct);
}
