using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.Notifications;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// The rule code's view of one command run by <see cref="CommandField{TInput, TPayload}.Run{TDb}"/>: the
/// module's <see cref="Db"/>, with one transaction open that the pipeline commits after the rule code
/// returns (and rolls back when it throws). Audit rows, notifications and durable events written here
/// go through the same <see cref="Db"/> and transaction: they commit with the change or not at all.
/// </summary>
public sealed class CommandContext<TDb> : CommandContext
    where TDb : DbContext
{
    internal CommandContext(IResolveFieldContext field, TDb db)
        : base(field) => Db = db;

    /// <summary>The module's context, opened for this command only.</summary>
    public TDb Db { get; }

    /// <summary>
    /// Writes an audit row through <see cref="Db"/> in its open transaction (so it commits and rolls back
    /// with the change). Saves pending changes first, so that ids of new rows can be named. Needs the
    /// transaction: a command run without one (<c>RunWithoutTransaction</c>) must open its own first.
    /// </summary>
    public async Task AuditAsync(AuditEntry entry)
    {
        await Db.SaveChangesAsync(CancellationToken);
        await Service<IAuditLog>().RecordAsync(Db, entry, CancellationToken);
    }

    /// <summary>Notifies one user through <see cref="Db"/>'s transaction (<see cref="INotifier"/>).</summary>
    public Task<int> NotifyAsync(long userId, NotificationRequest request) =>
        Service<INotifier>().NotifyAsync(Db, userId, request, CancellationToken);

    /// <summary>Notifies many users through <see cref="Db"/>'s transaction (<see cref="INotifier"/>).</summary>
    public Task<int> NotifyManyAsync(IReadOnlyCollection<long> userIds, NotificationRequest request) =>
        Service<INotifier>().NotifyManyAsync(Db, userIds, request, CancellationToken);

    /// <summary>A durable integration event: an outbox row in <see cref="Db"/>'s transaction (<see cref="IEventBus.PublishAsync{TEvent}"/>).</summary>
    public Task PublishAsync<TEvent>(TEvent integrationEvent)
        where TEvent : class, IDurableIntegrationEvent =>
        Service<IEventBus>().PublishAsync(Db, integrationEvent, CancellationToken);

    /// <summary>An in-process integration event, run after the commit (a doorbell; not durable).</summary>
    public void PublishAfterCommit<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent =>
        Service<IEventBus>().PublishAfterCommit(Db, integrationEvent);

    /// <summary>A topic message (subscriptions), sent after the commit.</summary>
    public void PublishAfterCommit<T>(Topic<T> topic, T message)
        where T : class =>
        Service<IEventBus>().PublishAfterCommit(Db, topic, message);
}
