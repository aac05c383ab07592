using System.Net.WebSockets;
using CertifyTrack.Host.GraphQL.RateLimiting;
using GraphQL;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>What every connection shares.</summary>
internal sealed record WebSocketDependencies(
    GraphQLExecutor Executor,
    GraphQLAdmission Admission,
    IGraphQLSerializer Serializer,
    IConnectionAuthenticator Authenticator,
    WebSocketSessions Sessions,
    IServiceScopeFactory Scopes,
    TimeProvider Time,
    ILogger Logger);

/// <summary>
/// GraphQL over WebSocket (<c>graphql-transport-ws</c>) at the GraphQL path: accepts an upgrade
/// asking for that subprotocol and runs the connection until it closes. Host shutdown closes
/// every socket with 1001 (clients reconnect to another instance). An address over its socket cap
/// (<see cref="WebSocketAddressCap"/>) gets 429, and an upgrade over the host's WebSocket budget
/// (Kestrel's <c>MaxConcurrentUpgradedConnections</c>) 503, both before the socket is accepted.
/// </summary>
internal sealed class GraphQLWebSocketHandler(
    GraphQLExecutor executor,
    GraphQLAdmission admission,
    IGraphQLSerializer serializer,
    IConnectionAuthenticator authenticator,
    WebSocketSessions sessions,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    WebSocketAddressCap addressCap,
    IOptions<GraphQLWebSocketOptions> options,
    ILogger<GraphQLWebSocketHandler> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    private readonly WebSocketDependencies dependencies = new(executor, admission, serializer, authenticator, sessions, scopes, time, logger);

    /// <summary>A WebSocket upgrade that asks for <c>graphql-transport-ws</c>; everything else is HTTP.</summary>
    public static bool IsGraphQLWebSocketRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.WebSockets.IsWebSocketRequest
            && context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);
    }

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        using var slot = addressCap.TryEnter(context);
        if (slot is null)
        {
            await RefuseAsync(context, StatusCodes.Status429TooManyRequests, $"At most {addressCap.Max} WebSockets may be open from one address.");
            return;
        }

        using var socket = await TryAcceptAsync(context, settings);
        if (socket is null)
        {
            return;
        }

        using var connection = new GraphQLWebSocketConnection(socket, context, dependencies, settings);
        using var stopping = lifetime.ApplicationStopping.Register(
            static state => ((GraphQLWebSocketConnection)state!).Close(CloseCodes.GoingAway, "Server shutting down"), connection);
        await connection.RunAsync();
    }

    private static async Task<WebSocket?> TryAcceptAsync(HttpContext context, GraphQLWebSocketOptions settings)
    {
        try
        {
            return await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                SubProtocol = SubProtocol,
                KeepAliveInterval = settings.KeepAliveInterval,
                KeepAliveTimeout = settings.KeepAliveTimeout > TimeSpan.Zero ? settings.KeepAliveTimeout : Timeout.InfiniteTimeSpan,
            });
        }
        catch (InvalidOperationException) when (!context.Response.HasStarted)
        {
            // Kestrel refuses the upgrade once MaxConcurrentUpgradedConnections sockets are open.
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "The server holds as many WebSockets as it may; try again later.");
            return null;
        }
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = "10";
        return context.Response.WriteAsJsonAsync(new { errors = new[] { new { message, extensions = new { code = "TOO_MANY_CONNECTIONS" } } } });
    }
}
