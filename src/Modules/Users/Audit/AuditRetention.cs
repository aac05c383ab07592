using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Audit;

/// <summary>
/// Deletes audit rows older than <see cref="AuditOptions.RetentionDays"/> — the one delete path
/// of <c>api_auditlog</c>. On PostgreSQL it names its cutoff in the transaction-local setting
/// <c>certifytrack.audit_retention_cutoff</c>, the only thing the append-only trigger lets delete.
/// </summary>
internal sealed class AuditRetention(IDbContextFactory<UsersDbContext> factory, TimeProvider time, IOptions<AuditOptions> options)
{
    public const string CutoffSetting = "certifytrack.audit_retention_cutoff";

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            var text = cutoff.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"SELECT set_config({CutoffSetting}, {text}, true)", cancellationToken);
        }

        var deleted = await db.AuditLog.Where(a => a.Timestamp < cutoff).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}

/// <summary>Runs <see cref="AuditRetention"/> at start and then every <see cref="AuditOptions.SweepInterval"/> (on <see cref="TimeProvider"/>).</summary>
internal sealed partial class AuditRetentionService(
    AuditRetention retention, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await retention.SweepAsync(stoppingToken);
                LogSwept(deleted);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention sweep deleted {Count} rows.")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit retention sweep failed; it runs again after the interval.")]
    private partial void LogFailed(Exception exception);
}
