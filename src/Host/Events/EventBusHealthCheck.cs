using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertifyTrack.Host.Events;

/// <summary>Degraded while the PostgreSQL listener reconnects: this instance misses the others' messages.</summary>
internal sealed class EventBusHealthCheck(ListenerStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.BackendProcessId is null
            ? HealthCheckResult.Degraded("The event bus listener is not connected; messages of other instances do not arrive.")
            : HealthCheckResult.Healthy());
}
