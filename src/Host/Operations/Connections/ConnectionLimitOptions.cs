using System.ComponentModel.DataAnnotations;

namespace CertifyTrack.Host.Operations.Connections;

/// <summary>
/// <c>Connections:*</c>, the connection budget of the host (docs/adr/0005, README "Behind a reverse proxy").
/// Unset limits are derived from the descriptor limit by <see cref="ConnectionBudget"/>.
/// </summary>
internal sealed class ConnectionLimitOptions
{
    public const string Section = "Connections";

    /// <summary>Kestrel's <c>MaxConcurrentConnections</c>: open HTTP connections (an upgraded WebSocket stops counting here).</summary>
    [Range(1, long.MaxValue)]
    public long? MaxConnections { get; set; }

    /// <summary>Kestrel's <c>MaxConcurrentUpgradedConnections</c>: open WebSockets.</summary>
    [Range(1, long.MaxValue)]
    public long? MaxUpgradedConnections { get; set; }

    /// <summary>Open connections (HTTP and WebSocket) from one client address (IPv6: per /64); 0 switches the cap off. Trusted proxies are exempt.</summary>
    [Range(0, int.MaxValue)]
    public int? PerIp { get; set; }

    /// <summary>Kestrel's <c>RequestHeadersTimeout</c>: a client must send a request's headers within it (slow-header attacks).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
