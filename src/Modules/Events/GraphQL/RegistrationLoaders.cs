using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.DataLoaders;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Events.GraphQL;

/// <summary>
/// The registration fields a list of events or registrations asks once per item, batched: one SQL
/// statement per batch for <c>Event.myRegistration</c>, one for <c>EventRegistration.waitlistPosition</c>,
/// however many events or registrations the page holds.
/// </summary>
internal static class RegistrationLoaders
{
    /// <summary>Keyed by (event, caller): the caller is one per execution, but the key says whose row it is.</summary>
    private static readonly ServiceBatchLoader<(long EventId, long UserId), EventRegistration?> Mine = new(
        async (services, keys, ct) =>
        {
            var events = keys.Select(k => k.EventId).Distinct().ToList();
            var users = keys.Select(k => k.UserId).Distinct().ToList();
            await using var db = await Db(services, ct);
            var rows = await db.Registrations.AsNoTracking()
                .Where(r => users.Contains(r.UserId) && events.Contains(r.EventId))
                .ToListAsync(ct);
            // One row per (event, student), and a student is one user: (event, user) is unique.
            return rows.ToDictionary(r => (r.EventId, r.UserId), EventRegistration? (r) => r);
        },
        missing: null);

    /// <summary>
    /// A waitlisted registration's place: the count of its event's waitlisted rows up to its sequence, as a
    /// correlated subquery per asked row (index <c>idx_registration_event_status</c>). Read fresh: a row
    /// promoted or cancelled since the source was loaded has no place (null).
    /// </summary>
    private static readonly ServiceBatchLoader<long, int?> Positions = new(
        async (services, ids, ct) =>
        {
            var asked = ids.ToList();
            await using var db = await Db(services, ct);
            return await db.Registrations
                .Where(r => asked.Contains(r.Id) && r.Status == RegistrationStatus.Waitlisted)
                .Select(r => new
                {
                    r.Id,
                    Position = db.Registrations.Count(o => o.EventId == r.EventId
                        && o.Status == RegistrationStatus.Waitlisted && o.WaitlistSequence <= r.WaitlistSequence),
                })
                .ToDictionaryAsync(p => p.Id, p => (int?)p.Position, ct);
        },
        missing: null);

    /// <summary><c>Event.myRegistration</c>: the signed-in caller's registration for the event, if any.</summary>
    public static IDataLoaderResult<EventRegistration?>? MyRegistration(IResolveFieldContext<Event> context) =>
        Caller.Of(context.User).UserId is { } me ? Mine.Load(context, (context.Source.Id, me)) : null;

    /// <summary><c>EventRegistration.waitlistPosition</c>: 1 for the next to be promoted; null unless WAITLISTED.</summary>
    public static IDataLoaderResult<int?>? WaitlistPosition(IResolveFieldContext<EventRegistration> context) =>
        context.Source is { Status: RegistrationStatus.Waitlisted, WaitlistSequence: not null } ? Positions.Load(context, context.Source.Id) : null;

    private static Task<EventsDbContext> Db(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContextAsync(ct);
}
