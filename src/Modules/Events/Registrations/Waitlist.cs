using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Lifecycle;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Registrations;

/// <summary>
/// Promotion from the waitlist, in sequence order, while the event has free seats. Runs in the
/// transaction of the command that freed or added seats, after that command locked the event row
/// (its first write), so concurrent cancellations promote one after another, each the then-first
/// waitlisted student. The position shown is the rank among the waitlisted (1..n after promotions).
/// </summary>
internal static class Waitlist
{
    public static async Task PromoteWhileSeatsAsync(CommandContext<EventsDbContext> command, long eventId, string eventName)
    {
        var db = command.Db;
        var ct = command.CancellationToken;
        while (true)
        {
            var next = await db.Registrations.AsNoTracking()
                .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.WaitlistSequence).ThenBy(r => r.Id)
                .Select(r => new { r.Id, r.UserId })
                .FirstOrDefaultAsync(ct);
            if (next is null || !await SeatCounter.TryPromoteAsync(db, eventId, ct))
            {
                return;
            }

            var now = command.Now;
            await db.Registrations.Where(r => r.Id == next.Id && r.Status == RegistrationStatus.Waitlisted)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RegistrationStatus.Registered)
                    .SetProperty(r => r.WaitlistSequence, (long?)null)
                    .SetProperty(r => r.PromotedAt, now)
                    .SetProperty(r => r.UpdatedAt, now), ct);
            await EventNotices.PromotedAsync(command, next.UserId, eventName);
        }
    }
}
