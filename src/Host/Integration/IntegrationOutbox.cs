using System.Runtime.CompilerServices;
using System.Text.Json;
using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Integration;

/// <summary>
/// Writes a durable integration event as outbox rows, one per subscribed handler, with one
/// <c>INSERT</c> on the publisher's context, connection and transaction
/// (<see cref="IEventBus.PublishAsync{TEvent}"/>). A rollback takes them back with the change.
/// </summary>
internal sealed class IntegrationOutbox(DurableHandlers handlers, IntegrationMetrics metrics, TimeProvider time)
{
    /// <summary>The transaction each context last rang the doorbell for: once per commit is enough.</summary>
    private readonly ConditionalWeakTable<DbContext, StrongBox<Guid>> rung = [];

    /// <summary>Writes the rows; returns whether the caller should ring the doorbell after this transaction commits.</summary>
    public async Task<bool> WriteAsync<TEvent>(DbContext db, TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : class, IDurableIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException(
                "IEventBus.PublishAsync writes the outbox inside the caller's transaction; begin one on the context first.");
        var type = IntegrationEventAttribute.StoredNameOf(typeof(TEvent));
        var key = integrationEvent.OrderingKey;
        if (key?.Length > 200)
        {
            throw new ArgumentException($"The ordering key of {type} is longer than 200 characters.", nameof(integrationEvent));
        }

        var names = handlers.NamesFor(typeof(TEvent));
        if (names.Count == 0)
        {
            return false;   // nobody subscribes: there is nothing to deliver
        }

        var now = time.GetUtcNow();
        var payload = JsonSerializer.Serialize(integrationEvent, JsonSerializerOptions.Web);
        await OutboxSql.InsertAsync(db, Guid.CreateVersion7(now), names, type, key, payload, now.UtcDateTime, cancellationToken);
        metrics.Published(names.Count);
        var last = rung.GetOrCreateValue(db);
        if (last.Value == transaction.TransactionId)
        {
            return false;
        }

        last.Value = transaction.TransactionId;
        return true;
    }
}
