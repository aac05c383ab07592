using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Events.GraphQL;

/// <summary>
/// <c>eventUpdated(eventId)</c>: the event each time its status, seats or counts change, on any host
/// instance (the event bus's topics; PostgreSQL LISTEN/NOTIFY between instances). Authorised like the
/// Event node: subscribing to an event the caller may not load is refused, and every pushed event is
/// re-read through the node policy (a draft's subscriber who loses sight of it gets nothing more).
/// </summary>
internal static class EventSubscription
{
    public static void Declare(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<EventType>, object>("eventUpdated")
            .Description("The event whenever its status, seats or counts change.")
            .Argument<NonNullGraphType<IdGraphType>>("eventId")
            .ResolveStreamAsync(async context =>
            {
                var key = NodeTypes.ParseKey<Event>(context.GetArgument<string>("eventId"), "eventId");
                if (await LoadAsync(context, key) is null)
                {
                    throw new ExecutionError("There is no such event.") { Code = "NOT_FOUND" };
                }

                return (IObservable<object?>)context.RequestServices!.GetRequiredService<IEventBus>().Observe(EventTopics.Updated(key));
            })
            .ResolveAsync(async context => await LoadAsync(context, ((EventChanged)context.Source!).EventId))
            .Authorize();

    private static async Task<Event?> LoadAsync(IResolveFieldContext context, long key)
    {
        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContextAsync(context.CancellationToken);
        return await EventNodes.Events.Restrict(db.Events.AsNoTracking().Where(e => e.Id == key), context, db).SingleOrDefaultAsync(context.CancellationToken);
    }
}
