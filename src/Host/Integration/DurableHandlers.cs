using CertifyTrack.Shared.Events;

namespace CertifyTrack.Host.Integration;

/// <summary>The durable subscriptions of this host, checked at start-up: names unique, events named.</summary>
internal sealed class DurableHandlers
{
    private readonly Dictionary<Type, string[]> namesByEvent;
    private readonly Dictionary<string, (DurableHandlerRegistration Registration, string EventName)> byName;

    public DurableHandlers(IEnumerable<DurableHandlerRegistration> registrations)
    {
        var all = registrations.ToList();
        var duplicate = all.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two durable integration event handlers are named '{duplicate.Key}'.");
        }

        byName = all.ToDictionary(r => r.Name, r => (r, IntegrationEventAttribute.StoredNameOf(r.EventType)), StringComparer.Ordinal);
        namesByEvent = all.GroupBy(r => r.EventType).ToDictionary(g => g.Key, g => g.Select(r => r.Name).Order(StringComparer.Ordinal).ToArray());
        Groups = [.. all.GroupBy(r => r.DbContextType).Select(g => new HandlerGroup(g.First().CreateContext, [.. g.Select(r => r.Name)]))];
    }

    /// <summary>The handlers, grouped by the module context they are given: one claim query per group.</summary>
    public IReadOnlyList<HandlerGroup> Groups { get; }

    /// <summary>The names of the handlers subscribed to <paramref name="eventType"/>; empty when none.</summary>
    public IReadOnlyList<string> NamesFor(Type eventType) => namesByEvent.GetValueOrDefault(eventType) ?? [];

    /// <summary>The handler named <paramref name="name"/> and the stored name of its event.</summary>
    public (DurableHandlerRegistration Registration, string EventName) Get(string name) => byName[name];
}

/// <summary>Handlers that share a module context type.</summary>
internal sealed record HandlerGroup(Func<IServiceProvider, Microsoft.EntityFrameworkCore.DbContext> CreateContext, string[] Names);
