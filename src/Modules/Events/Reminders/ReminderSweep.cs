using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CertifyTrack.Modules.Events.Reminders;

/// <summary>
/// The 24 h reminder: each REGISTERED student of a scheduled event is told once, within the day before
/// its start, in the app and by e-mail. Each batch claims its rows (<see cref="ReminderClaims"/>) and writes
/// their notifications in one transaction, so a crash before the commit leaves them unclaimed for the next
/// sweep, and a commit means sent: once per registration, across restarts and host instances.
/// Waitlisted students are not reminded: they hold no seat (their promotion notice tells them when they do,
/// and a promoted row not yet reminded is reminded like any other). <c>reminder_sent_at</c> survives a cancel,
/// so re-registering does not remind again; <c>updateEvent</c> clears it when it moves the event.
/// </summary>
internal sealed class ReminderSweep(IDbContextFactory<EventsDbContext> contexts, INotifier notifier, TimeProvider time, IConfiguration configuration)
{
    public const string IntervalSetting = "Events:ReminderSweepSeconds";

    public const string BatchSetting = "Events:ReminderBatchSize";

    /// <summary>Registrations claimed and notified per transaction (at most the notifier's recipients per call).</summary>
    public int BatchSize => Math.Clamp(configuration.GetValue(BatchSetting, 200), 1, INotifier.MaxRecipients);

    public static readonly TimeSpan Lead = TimeSpan.FromHours(24);

    /// <summary>Time between two sweeps; zero or less: the background sweep is off (a test runs <see cref="SweepAsync"/> itself).</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue(IntervalSetting, 60));

    /// <summary>
    /// Reminds every registration due now, batch by batch, until a claim finds none; returns how many it reminded.
    /// (A short batch does not mean done: a concurrent sweep may have held rows this claim skipped.)
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var (total, batch) = (0, BatchSize);
        while (await RemindBatchAsync(batch, ct) is > 0 and var reminded)
        {
            total += reminded;
        }

        return total;
    }

    private async Task<int> RemindBatchAsync(int batch, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await ReminderClaims.ClaimAsync(db, now, now + Lead, batch, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var eventIds = claimed.Select(c => c.EventId).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToListAsync(ct);
        foreach (var e in events)
        {
            var users = claimed.Where(c => c.EventId == e.Id).Select(c => c.UserId).ToList();
            await notifier.NotifyManyAsync(db, users, Reminder(e), ct);
        }

        await tx.CommitAsync(ct);
        return claimed.Count;
    }

    private static NotificationRequest Reminder(Event e) =>
        new(NotificationKinds.EventReminder, e.Name.Length <= 200 ? e.Name : e.Name[..200],
            $"Reminder: {e.Name} takes place on {e.EventDate:yyyy-MM-dd} from {e.StartTime:HH\\:mm}{(e.EndTime is { } end ? $" to {end:HH\\:mm}" : "")}. Bring your check-in code.");
}
