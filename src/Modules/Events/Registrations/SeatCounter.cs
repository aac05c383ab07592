using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Registrations;

/// <summary>
/// The seat and waitlist counters of <c>api_event</c>, changed only by conditional updates in the
/// caller's transaction. PostgreSQL evaluates each <c>WHERE</c> under the event row's write lock and
/// re-checks it after a concurrent writer commits (SQLite has one writer), so of any number of
/// concurrent registrations exactly <c>max_participants</c> take a seat; no check-then-insert.
/// Every command that writes an event's rows locks them in one order: the event row first, then
/// the student's load row, then registrations; so concurrent commands wait rather than deadlock.
/// </summary>
internal static class SeatCounter
{
    /// <summary>Takes a seat of a scheduled event that has one free; false when full or no longer scheduled.</summary>
    public static async Task<bool> TryTakeSeatAsync(EventsDbContext db, long eventId, CancellationToken ct) =>
        await db.Events
            .Where(e => e.Id == eventId && e.Status == EventStatus.Scheduled && (e.MaxParticipants == null || e.RegisteredCount < e.MaxParticipants))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.RegisteredCount, e => e.RegisteredCount + 1), ct) == 1;

    /// <summary>Moves one waitlisted student to a free seat: false when there is none.</summary>
    public static async Task<bool> TryPromoteAsync(EventsDbContext db, long eventId, CancellationToken ct) =>
        await db.Events
            .Where(e => e.Id == eventId && e.Status == EventStatus.Scheduled && e.WaitlistedCount > 0
                && (e.MaxParticipants == null || e.RegisteredCount < e.MaxParticipants))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.RegisteredCount, e => e.RegisteredCount + 1)
                .SetProperty(e => e.WaitlistedCount, e => e.WaitlistedCount - 1), ct) == 1;

    /// <summary>
    /// Joins the waitlist of a scheduled event: the next sequence number, handed out under the event
    /// row's lock by the same statement that takes it (<c>UPDATE … RETURNING</c>, one round trip), or
    /// null when the event is no longer scheduled.
    /// </summary>
    public static async Task<long?> JoinWaitlistAsync(EventsDbContext db, long eventId, CancellationToken ct)
    {
        var scheduled = EventStatus.Scheduled.ToString().ToLowerInvariant();
        var sequence = await db.Database.SqlQuery<long>($"""
            UPDATE api_event SET waitlist_sequence = waitlist_sequence + 1, waitlisted_count = waitlisted_count + 1
            WHERE id = {eventId} AND status = {scheduled}
            RETURNING waitlist_sequence AS "Value"
            """).ToListAsync(ct);
        return sequence.Count == 1 ? sequence[0] : null;
    }

    /// <summary>Takes the event row's write lock for the rest of the transaction (a no-op update).</summary>
    public static Task LockAsync(EventsDbContext db, long eventId, CancellationToken ct) =>
        db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.WaitlistSequence, e => e.WaitlistSequence), ct);

    /// <summary>Frees what a cancelled registration held: a seat or a waitlist place.</summary>
    public static Task ReleaseAsync(EventsDbContext db, long eventId, RegistrationStatus held, CancellationToken ct) =>
        held == RegistrationStatus.Registered
            ? db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.RegisteredCount, e => e.RegisteredCount - 1), ct)
            : db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.WaitlistedCount, e => e.WaitlistedCount - 1), ct);
}
