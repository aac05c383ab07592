using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Operations.Connections;

/// <summary>
/// The connection limits in force: the configured ones (<see cref="ConnectionLimitOptions"/>), the rest
/// derived from the descriptor limit <c>L</c> so that connections can never take every descriptor
/// (at <c>L</c> the host aborted with "Out of memory"). <see cref="Reserved"/> descriptors stay for the
/// runtime (each loaded assembly holds one or two: ~360 at idle), the database pool, files and logs; of
/// the rest, a quarter may be HTTP connections and a half WebSockets, and a quarter is kept in hand
/// (an over-limit connection is accepted before Kestrel closes it). Each client address may hold an
/// eighth of all connections, and an eighth of the WebSockets (<see cref="WebSocketsPerIp"/>).
/// Without a known limit: 1,000 HTTP connections and 2,000 WebSockets.
/// </summary>
internal sealed record ConnectionBudget(long? DescriptorLimit, long MaxConnections, long MaxUpgradedConnections, int PerIp, int WebSocketsPerIp)
{
    public const long Reserved = 512;
    private const long Ceiling = 10_000;
    private const long Floor = 16;

    public static ConnectionBudget From(ConnectionLimitOptions options, long? descriptorLimit)
    {
        ArgumentNullException.ThrowIfNull(options);
        var available = descriptorLimit - Reserved;
        var connections = options.MaxConnections ?? (available is { } a ? Math.Clamp(a / 4, Floor, Ceiling) : 1_000);
        var upgraded = options.MaxUpgradedConnections ?? (available is { } b ? Math.Clamp(b / 2, Floor, Ceiling) : 2_000);
        var perIp = options.PerIp ?? (int)Math.Max(Floor, (connections + upgraded) / 8);
        return new ConnectionBudget(descriptorLimit, connections, upgraded, perIp, (int)Math.Max(8, upgraded / 8));
    }

    public static ConnectionBudget FromServices(IServiceProvider services) =>
        From(services.GetRequiredService<IOptions<ConnectionLimitOptions>>().Value, Connections.DescriptorLimit.Read());
}
