using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.Sessions;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>
/// The signed-in sockets of this instance by user (<c>sub</c>), and the subscriber of
/// <see cref="SessionTopics.Revoked"/>: when a user's sessions are revoked on any instance (the
/// event bus fans the message out), their sockets here close with 4403 — a socket's token is
/// checked only at <c>connection_init</c>, so token revocation alone would not reach it. It also
/// holds each user to <c>GraphQL:WebSocket:MaxPerUser</c> sockets on this instance.
/// </summary>
internal sealed class WebSocketSessions(IEventBus bus, ILogger<WebSocketSessions> logger) : IHostedService, IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<GraphQLWebSocketConnection>> bySubject = new(StringComparer.Ordinal);
    private IDisposable? subscription;

    /// <summary>
    /// Tracks a socket under its user until <paramref name="registration"/> is disposed (null for a user
    /// without a subject); false, tracking nothing, when the user has <paramref name="maxPerUser"/> sockets here already.
    /// </summary>
    public bool TryTrack(GraphQLWebSocketConnection connection, int maxPerUser, out IDisposable? registration)
    {
        ArgumentNullException.ThrowIfNull(connection);
        registration = null;
        if (connection.User.FindFirst(SessionTopics.SubjectClaim)?.Value is not { Length: > 0 } subject)
        {
            return true;
        }

        lock (gate)
        {
            if (!bySubject.TryGetValue(subject, out var set))
            {
                bySubject[subject] = set = [];
            }

            if (set.Count >= maxPerUser)
            {
                return false;
            }

            set.Add(connection);
        }

        registration = new Registration(this, subject, connection);
        return true;
    }

    /// <summary>Closes this instance's sockets of the revoked sessions; returns how many.</summary>
    public int Close(SessionsRevoked revoked)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        GraphQLWebSocketConnection[] ended;
        lock (gate)
        {
            ended = bySubject.TryGetValue(revoked.Subject, out var set) ? [.. set.Where(c => revoked.Ends(c.User))] : [];
        }

        foreach (var connection in ended)
        {
            connection.Close(CloseCodes.Forbidden, "Forbidden: the session was revoked");
        }

        if (ended.Length > 0)
        {
            logger.LogInformation("Closed {Count} WebSocket(s) of user {Subject}: sessions revoked", ended.Length, revoked.Subject);
        }

        return ended.Length;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = bus.Observe(SessionTopics.Revoked).Subscribe(new Observer(this));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref subscription, null)?.Dispose();

    private void Remove(string subject, GraphQLWebSocketConnection connection)
    {
        lock (gate)
        {
            if (bySubject.TryGetValue(subject, out var set) && set.Remove(connection) && set.Count == 0)
            {
                bySubject.Remove(subject);
            }
        }
    }

    private sealed class Registration(WebSocketSessions owner, string subject, GraphQLWebSocketConnection connection) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Remove(subject, connection);
            }
        }
    }

    private sealed class Observer(WebSocketSessions owner) : IObserver<SessionsRevoked>
    {
        public void OnNext(SessionsRevoked value) => owner.Close(value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
