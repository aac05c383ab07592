using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.Events;

/// <summary>
/// Integration events between modules and real-time topic messages for GraphQL subscriptions.
/// A message that follows a database change is published only once that change is committed:
/// <list type="bullet">
/// <item>a transaction is open on <c>db</c>: released when it commits, dropped when it rolls back
/// or ends without a commit;</item>
/// <item>no transaction is open: released when the next <c>SaveChanges</c> on <c>db</c> succeeds,
/// dropped when it fails.</item>
/// </list>
/// Integration events published with <c>PublishAfterCommit</c> run the in-process
/// <see cref="IIntegrationEventHandler{TEvent}"/>s of this instance and are lost with it: use them as
/// doorbells only. Work that must happen is a <see cref="IDurableIntegrationEvent"/> published with
/// <see cref="PublishAsync{TEvent}"/>: an outbox row in the caller's transaction (ADR 12). Topic
/// messages reach the subscribers on every host instance (PostgreSQL <c>LISTEN/NOTIFY</c>); they are a doorbell, not a record: keep them small (ids, a status),
/// the database row is the source of truth, and a subscriber that was away re-reads it.
/// </summary>
public interface IEventBus
{
    /// <summary>Runs the in-process handlers of <paramref name="integrationEvent"/> after the change on <paramref name="db"/> commits (not durable).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> was not registered by <c>AddModuleDbContext</c>,
    /// or the event is durable (publish it with <see cref="PublishAsync{TEvent}"/>).</exception>
    void PublishAfterCommit<TEvent>(DbContext db, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent;

    /// <summary>
    /// Writes <paramref name="integrationEvent"/> to the outbox on <paramref name="db"/>'s connection, in
    /// its open transaction: one row per subscribed durable handler. Rollback publishes nothing; after
    /// the commit a dispatcher of some host instance delivers it (woken by the bus, or by its poll).
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction is open on <paramref name="db"/>, or it was not
    /// registered by <c>AddModuleDbContext</c>.</exception>
    Task PublishAsync<TEvent>(DbContext db, TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : class, IDurableIntegrationEvent;

    /// <summary>Sends <paramref name="message"/> to the subscribers of <paramref name="topic"/> after the change on <paramref name="db"/> commits.</summary>
    /// <exception cref="ArgumentException">The message serialises to more than <see cref="Topic{T}.MaxPayloadBytes"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> was not registered by <c>AddModuleDbContext</c>.</exception>
    void PublishAfterCommit<T>(DbContext db, Topic<T> topic, T message)
        where T : class;

    /// <summary>
    /// Sends a topic message at once: for news that follows no database change of the caller,
    /// or one already committed (a worker's progress after its own commit).
    /// </summary>
    Task PublishNowAsync<T>(Topic<T> topic, T message, CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// The messages of a topic from the moment of <c>Subscribe</c> on, as a GraphQL
    /// <c>ResolveStream</c> wants them. Each subscriber gets its own copy of every message;
    /// a subscriber that falls far behind loses the oldest ones. Completes when the host stops.
    /// </summary>
    IObservable<T> Observe<T>(Topic<T> topic)
        where T : class;

    /// <summary>The messages of a topic from the moment the enumeration starts, until it is cancelled or the host stops.</summary>
    IAsyncEnumerable<T> Subscribe<T>(Topic<T> topic)
        where T : class;
}
