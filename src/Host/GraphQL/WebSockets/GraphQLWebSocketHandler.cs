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
/// every socket with 1001 (clients reconnect to another instance).
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
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = SubProtocol,
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout > TimeSpan.Zero ? settings.KeepAliveTimeout : Timeout.InfiniteTimeSpan,
        });
        using var connection = new GraphQLWebSocketConnection(socket, context, dependencies, settings);
        using var stopping = lifetime.ApplicationStopping.Register(
            static state => ((GraphQLWebSocketConnection)state!).Close(CloseCodes.GoingAway, "Server shutting down"), connection);
        await connection.RunAsync();
    }
}
