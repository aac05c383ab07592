using System.Data.Common;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertifyTrack.Host.Persistence;

/// <summary>
/// Ready when the database answers one cheap round trip on a pooled connection. (EF's
/// <c>CanConnectAsync</c> on Npgsql opens a new unpooled connection each time; on SQLite it only
/// checks that the file exists, which is checked first here, so a probe never creates the file.)
/// </summary>
internal sealed class DatabaseHealthCheck(IEnumerable<ModuleDatabase> databases, DatabaseSettings settings, IServiceProvider services) : IHealthCheck
{
    /// <summary>A probe gives up after this long, well within an orchestrator's probe timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = databases.First().CreateContext(services);
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite && !await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database file does not exist.");
            }

            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (DbException exception)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
