namespace CertifyTrack.Shared.Events;

/// <summary>
/// An integration event that causes work which must not be lost (<c>EventCompleted</c> issues
/// certificates). Published with <see cref="IEventBus.PublishAsync{TEvent}"/> it becomes outbox rows
/// in the publisher's transaction, one per subscribed
/// <see cref="IDurableIntegrationEventHandler{TEvent, TDb}"/>, delivered at least once and taking
/// effect once. A versioned record in the publisher's <c>Contracts/</c>, marked with
/// <see cref="IntegrationEventAttribute"/>; carry ids and facts, not entities.
/// </summary>
public interface IDurableIntegrationEvent : IIntegrationEvent
{
    /// <summary>
    /// Messages with the same key (e.g. <c>$"event:{EventId}"</c>) reach each handler in publish
    /// order: a later one waits while an earlier one is retried or parked. Null: no order.
    /// </summary>
    string? OrderingKey { get; }
}
