using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.Events;

/// <summary>
/// Reacts, in the consuming module, to an integration event committed by another module. Runs
/// on the instance that published the event, after the commit, in its own DI scope, one handler
/// after the other. A handler's exception is logged and does not reach the publisher (its change
/// is committed already). Not durable: a crash between the commit and the handler loses it, so
/// use it for doorbells only; work that must happen is an <see cref="IDurableIntegrationEventHandler{TEvent, TDb}"/>.
/// </summary>
#pragma warning disable CA1711 // A handler of integration events, not a .NET event delegate; the name says what it is.
public interface IIntegrationEventHandler<in TEvent>
#pragma warning restore CA1711
    where TEvent : class, IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

public static class IntegrationEventHandlerRegistration
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped) for <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : class, IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent> =>
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
}
