using CertifyTrack.Host.GraphQL.RateLimiting;
using CertifyTrack.Host.Operations.Connections;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>
/// Open GraphQL WebSockets per client address (<c>GraphQL:WebSocket:MaxPerIp</c>, by default an eighth of
/// the host's WebSocket budget): checked at the upgrade, after forwarded headers, so that behind a trusted
/// proxy each client is counted, not the proxy. Sockets that only send <c>connection_init</c> cost no
/// more than this many per address.
/// </summary>
internal sealed class WebSocketAddressCap(IOptions<GraphQLWebSocketOptions> options, ConnectionBudget budget)
{
    private readonly AddressCounter counter = new(options.Value.MaxPerIp ?? budget.WebSocketsPerIp);

    /// <summary>The sockets one address may hold.</summary>
    public int Max => options.Value.MaxPerIp ?? budget.WebSocketsPerIp;

    /// <summary>A slot for a socket of <paramref name="context"/>'s client, or null when it holds <see cref="Max"/> already.</summary>
    public IDisposable? TryEnter(HttpContext context) => counter.TryEnter(ClientAddressKey.From(context.Connection.RemoteIpAddress));
}
