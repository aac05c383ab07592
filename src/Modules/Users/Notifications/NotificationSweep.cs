using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>Deletes notifications past their expiry (rows without one: older than the retention).</summary>
internal sealed class NotificationSweep(IDbContextFactory<UsersDbContext> factory, TimeProvider time, IOptions<NotificationOptions> options)
{
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

/// <summary>Runs <see cref="NotificationSweep"/> at start and then every <see cref="NotificationOptions.SweepInterval"/> (on <see cref="TimeProvider"/>).</summary>
internal sealed partial class NotificationSweepService(
    NotificationSweep sweep, TimeProvider time, IOptions<NotificationOptions> options, ILogger<NotificationSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                LogSwept(await sweep.SweepAsync(stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification sweep deleted {Count} expired rows.")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification sweep failed; it runs again after the interval.")]
    private partial void LogFailed(Exception exception);
}
