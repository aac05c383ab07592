using System.Net;
using CertifyTrack.Host.GraphQL.RateLimiting;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Operations.Connections;

/// <summary>
/// Kestrel connection middleware on every endpoint: one client address (IPv6: its /64) may hold at most
/// <see cref="ConnectionBudget.PerIp"/> connections at once, HTTP and WebSocket alike; the next is closed
/// as soon as it is accepted, before a byte is read. So a slow-header or socket flood from one address
/// cannot take the connections everyone else needs. It runs before HTTP, so it sees the peer, not
/// <c>X-Forwarded-For</c>: the configured trusted proxies (<c>ForwardedHeaders:*</c>) are exempt, since each
/// carries many clients.
/// </summary>
internal sealed partial class PerIpConnectionLimit(ConnectionBudget budget, IOptions<TrustedProxyOptions> proxies, ILogger<PerIpConnectionLimit> logger)
{
    private readonly AddressCounter counter = new(budget.PerIp);
    private readonly IPAddress[] trustedProxies = [.. proxies.Value.Proxies().Select(Unmapped)];
    private readonly IPNetwork[] trustedNetworks = [.. proxies.Value.Networks()];

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        if (budget.PerIp <= 0 || connection.RemoteEndPoint is not IPEndPoint peer || IsTrustedProxy(Unmapped(peer.Address)))
        {
            await next(connection);
            return;
        }

        var key = ClientAddressKey.From(peer.Address);
        using var slot = counter.TryEnter(key);
        if (slot is null)
        {
            LogRefused(logger, key, budget.PerIp);
            connection.Transport.Input.Complete();
            connection.Transport.Output.Complete();
            return;
        }

        await next(connection);
    };

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private bool IsTrustedProxy(IPAddress address) =>
        trustedProxies.Contains(address) || trustedNetworks.Any(n => n.Contains(address));

    [LoggerMessage(Level = LogLevel.Debug, Message = "A connection from {Address} was closed: it holds {PerIp} already (Connections:PerIp).")]
    private static partial void LogRefused(ILogger logger, string address, int perIp);
}
