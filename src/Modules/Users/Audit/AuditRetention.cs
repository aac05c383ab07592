using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Audit;

/// <summary>
/// Deletes audit rows older than <see cref="AuditOptions.RetentionDays"/> — the one delete path
/// of <c>api_auditlog</c>. On PostgreSQL it names its cutoff in the transaction-local setting
/// <c>certifytrack.audit_retention_cutoff</c>, the only thing the append-only trigger lets delete.
/// </summary>
internal sealed class AuditRetention(IDbContextFactory<UsersDbContext> factory, TimeProvider time, IOptions<AuditOptions> options) : IPeriodicSweep
{
    public const string CutoffSetting = "certifytrack.audit_retention_cutoff";

    public string Name => "Audit retention sweep";

    public TimeSpan Interval => options.Value.SweepInterval;

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
