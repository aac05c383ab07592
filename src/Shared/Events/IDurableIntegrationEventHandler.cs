using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.Events;

/// <summary>
/// Reacts, in the consuming module, to a durable integration event. The dispatcher of some host
/// instance calls it with a context of the module's own <typeparamref name="TDb"/> inside an open
/// transaction; the handler changes rows (tracked entities are saved for it), and the dispatcher
/// records the message as delivered to this handler in the same transaction before it commits.
/// So the effect happens exactly once, however often the message is delivered. An exception
/// rolls the effect back and the message is retried with backoff, then parked for an admin.
/// Do not commit, and do nothing outside the database that must not happen twice (queue email
/// through <c>IEmailOutbox</c> on <paramref name="db"/> instead).
/// </summary>
#pragma warning disable CA1711 // A handler of integration events, not a .NET event delegate.
public interface IDurableIntegrationEventHandler<in TEvent, in TDb>
#pragma warning restore CA1711
    where TEvent : class, IDurableIntegrationEvent
    where TDb : DbContext
{
    Task HandleAsync(TEvent integrationEvent, TDb db, CancellationToken cancellationToken);
}

/// <summary>One durable subscription as the dispatcher sees it, whatever its types.</summary>
/// <param name="Name">The handler's stable name, stored in every outbox row for it.</param>
/// <param name="EventType">The record it handles.</param>
/// <param name="DbContextType">The module context it is given.</param>
/// <param name="CreateContext">A new context of that type from the module's <c>IDbContextFactory</c>.</param>
/// <param name="Invoke">Calls the handler, resolved from the given scope.</param>
public sealed record DurableHandlerRegistration(
    string Name,
    Type EventType,
    Type DbContextType,
    Func<IServiceProvider, DbContext> CreateContext,
    Func<IServiceProvider, object, DbContext, CancellationToken, Task> Invoke);

public static class DurableIntegrationEventHandlerRegistration
{
    public const int MaxNameLength = 200;

    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> (scoped) to <typeparamref name="TEvent"/> under the
    /// stable <paramref name="name"/> (e.g. <c>certificates.issue-on-event-completed</c>): renaming the
    /// class keeps its pending messages, renaming the subscription strands them.
    /// </summary>
    public static IServiceCollection AddDurableIntegrationEventHandler<TEvent, TDb, THandler>(this IServiceCollection services, string name)
        where TEvent : class, IDurableIntegrationEvent
        where TDb : DbContext
        where THandler : class, IDurableIntegrationEventHandler<TEvent, TDb>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, MaxNameLength, nameof(name));
        IntegrationEventAttribute.StoredNameOf(typeof(TEvent));
        services.AddScoped<THandler>();
        services.AddSingleton(new DurableHandlerRegistration(
            name,
            typeof(TEvent),
            typeof(TDb),
            scope => scope.GetRequiredService<IDbContextFactory<TDb>>().CreateDbContext(),
            (scope, message, db, cancellationToken) =>
                scope.GetRequiredService<THandler>().HandleAsync((TEvent)message, (TDb)db, cancellationToken)));
        return services;
    }
}
