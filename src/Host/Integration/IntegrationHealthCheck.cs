using CertifyTrack.Host.Integration.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertifyTrack.Host.Integration;

/// <summary>Degraded while parked integration events wait for an admin: some module's reaction did not happen.</summary>
internal sealed class IntegrationHealthCheck(IDbContextFactory<IntegrationDbContext> outboxDb, IntegrationMetrics metrics) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await outboxDb.CreateDbContextAsync(cancellationToken);
        var parked = await db.Outbox.LongCountAsync(o => o.State == OutboxState.Parked, cancellationToken);
        metrics.Counted(parked);
        return parked == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{parked} integration event deliveries are parked; admins see them in failedIntegrationEvents.");
    }
}
