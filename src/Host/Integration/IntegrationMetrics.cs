using System.Diagnostics.Metrics;

namespace CertifyTrack.Host.Integration;

/// <summary>
/// Meter <c>CertifyTrack.Integration</c> (exported by OpenTelemetry with the other metrics):
/// deliveries published, delivered, failed and parked, and the parked ones waiting now.
/// </summary>
internal sealed class IntegrationMetrics
{
    public const string MeterName = "CertifyTrack.Integration";

    private readonly Counter<long> published;
    private readonly Counter<long> delivered;
    private readonly Counter<long> failed;
    private readonly Counter<long> parkedTotal;
    private long parkedNow;

    public IntegrationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        published = meter.CreateCounter<long>("certifytrack.integration_events.published", "{delivery}", "Outbox rows written: one per message and subscribed handler.");
        delivered = meter.CreateCounter<long>("certifytrack.integration_events.delivered", "{delivery}", "Messages a handler took effect on.");
        failed = meter.CreateCounter<long>("certifytrack.integration_events.failed", "{attempt}", "Handler attempts that failed (retried or parked).");
        parkedTotal = meter.CreateCounter<long>("certifytrack.integration_events.parked_total", "{delivery}", "Messages parked after their last attempt failed.");
        meter.CreateObservableGauge("certifytrack.integration_events.parked", () => Interlocked.Read(ref parkedNow), "{delivery}",
            "Parked messages waiting for an admin's retry, as last counted.");
    }

    /// <summary>Parked rows at the last count (the dispatcher and readiness count them).</summary>
    public long Parked => Interlocked.Read(ref parkedNow);

    public void Published(int rows) => published.Add(rows);

    public void Delivered(string handler) => delivered.Add(1, new KeyValuePair<string, object?>("handler", handler));

    public void Failed(string handler, bool parked)
    {
        failed.Add(1, new KeyValuePair<string, object?>("handler", handler));
        if (parked)
        {
            parkedTotal.Add(1, new KeyValuePair<string, object?>("handler", handler));
        }
    }

    public void Counted(long parked) => Interlocked.Exchange(ref parkedNow, parked);
}
