using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>Deletes notifications past their expiry (rows without one: older than the retention).</summary>
internal sealed class NotificationSweep(IDbContextFactory<UsersDbContext> factory, TimeProvider time, IOptions<NotificationOptions> options) : IPeriodicSweep
{
    public string Name => "Notification expiry sweep";

    public TimeSpan Interval => options.Value.SweepInterval;

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var createdCutoff = now.AddDays(-options.Value.RetentionDays);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications
            .Where(n => n.ExpiresAt != null ? n.ExpiresAt <= now : n.CreatedAt <= createdCutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
