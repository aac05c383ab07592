using CertifyTrack.Host.Integration;
using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Events;

/// <summary>This instance's identity on the bus: the origin of its messages, so it skips their echo.</summary>
internal sealed record BusInstance(Guid Id);

/// <summary>
/// The bus: topic messages go to this instance's subscribers and, through <see cref="IBusFanOut"/>,
/// to the other instances; in-process integration events go to this instance's handlers; durable
/// ones become outbox rows (<see cref="IntegrationOutbox"/>) and ring the dispatchers' doorbell topic.
/// </summary>
internal sealed class EventBus(
    AfterCommitInterceptor afterCommit,
    IntegrationOutbox outbox,
    IBusFanOut fanOut,
    LocalTopics topics,
    BusInstance instance,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    IOptions<EventBusOptions> options,
    ILogger<EventBus> logger) : IEventBus
{
    public void PublishAfterCommit<TEvent>(DbContext db, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (integrationEvent is IDurableIntegrationEvent)
        {
            throw new InvalidOperationException($"{typeof(TEvent).Name} is durable: publish it with PublishAsync, which writes it to the outbox.");
        }

        afterCommit.Enqueue(db, new PendingMessage(null, () => HandleAsync(integrationEvent)));
    }

    public async Task PublishAsync<TEvent>(DbContext db, TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : class, IDurableIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(db);
        afterCommit.EnsureRegistered(db);
        if (await outbox.WriteAsync(db, integrationEvent, cancellationToken))
        {
            PublishAfterCommit(db, OutboxDoorbell.Topic, new OutboxDoorbell());
        }
    }

    public void PublishAfterCommit<T>(DbContext db, Topic<T> topic, T message)
        where T : class
    {
        var (envelope, payload) = TopicEnvelope.Create(instance.Id, topic, message);
        afterCommit.Enqueue(db, new PendingMessage(payload, () =>
        {
            topics.Deliver(envelope);
            return Task.CompletedTask;
        }));
    }

    public async Task PublishNowAsync<T>(Topic<T> topic, T message, CancellationToken cancellationToken)
        where T : class
    {
        var (envelope, payload) = TopicEnvelope.Create(instance.Id, topic, message);
        await fanOut.NotifyAsync([payload], cancellationToken);
        topics.Deliver(envelope);
    }

    public IObservable<T> Observe<T>(Topic<T> topic)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(topic);
        return new TopicObservable<T>(stop => Open(topic, stop), logger);
    }

    public IAsyncEnumerable<T> Subscribe<T>(Topic<T> topic)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(topic);
        return new TopicEnumerable<T>(cancellationToken => Open(topic, cancellationToken));
    }

    private TopicSubscription<T> Open<T>(Topic<T> topic, CancellationToken cancellationToken)
        where T : class => new(topics, topic, options.Value.SubscriberBuffer, logger, cancellationToken);

    /// <summary>Runs the handlers one after the other in a scope of their own; a failure is logged, not thrown.</summary>
    private async Task HandleAsync<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            try
            {
                await handler.HandleAsync(integrationEvent, lifetime.ApplicationStopping);
            }
#pragma warning disable CA1031 // The publisher's change is committed; one handler's failure must not undo the others' work.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "{Handler} failed on {Event}", handler.GetType().Name, typeof(TEvent).Name);
            }
        }
    }
}
