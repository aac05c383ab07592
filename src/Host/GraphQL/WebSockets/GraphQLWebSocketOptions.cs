using System.ComponentModel.DataAnnotations;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>
/// Settings of the <c>graphql-transport-ws</c> transport, bound from <c>GraphQL:WebSocket</c>
/// (docs/adr/0005-graphql-over-websocket.md).
/// </summary>
internal sealed class GraphQLWebSocketOptions
{
    public const string Section = "GraphQL:WebSocket";

    /// <summary>How long a new socket may wait before sending <c>connection_init</c>; then close 4408.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Messages waiting to be sent on one socket. A client that reads too slowly to keep the
    /// queue below this is disconnected with 1008 instead of buffering without bound.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SendQueueCapacity { get; set; } = 1000;

    /// <summary>
    /// Open sockets per client address (IPv6: per /64), as the rate limits see it (behind trusted proxies:
    /// the forwarded client); one more upgrade gets 429. Unset: an eighth of the host's WebSocket budget
    /// (<c>Connections:MaxUpgradedConnections</c>).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? MaxPerIp { get; set; }

    /// <summary>Open signed-in sockets per user (<c>sub</c>) on this instance; one more closes with 1013 at <c>connection_init</c>.</summary>
    [Range(1, 100_000)]
    public int MaxPerUser { get; set; } = 10;

    /// <summary>Operations running at once on one socket; one more is answered with an <c>error</c> (TOO_MANY_OPERATIONS).</summary>
    [Range(1, 10_000)]
    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>Largest message accepted from a client; a larger one closes the socket with 1009.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>Interval of WebSocket ping frames (RFC 6455, answered by every client's WebSocket stack).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A peer that has not answered a ping frame within this time is dropped (zero: never).</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After the server decides to close, how long it waits for the send in flight, its close
    /// frame and the client's reply before it aborts the connection.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
