using System.Globalization;
using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Lists;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Integration.GraphQL;

/// <summary>
/// The platform's admin fields for durable integration events: <c>failedIntegrationEvents</c>
/// (retrying and parked deliveries, oldest first) and <c>retryIntegrationEvent</c>.
/// </summary>
internal sealed class IntegrationEventFields : IGraphQLModule
{
    public string Name => IntegrationDbContext.Module;

    public void AddQueryFields(ObjectGraphType query) =>
        query.Connection<IntegrationEventType, OutboxRow>("failedIntegrationEvents")
            .Resolve<IntegrationDbContext>(db => Failed(db.Outbox), o => o.Id)
            .Description("Integration events whose last delivery to a handler failed: retrying, or parked after the last attempt (admins only).")
            .AuthorizeWithRoles(Roles.Admin);

    public void AddMutationFields(ObjectGraphType mutation) => RetryIntegrationEvent.Declare(mutation);

    /// <summary>Rows whose last attempt failed and that are not delivered since.</summary>
    public static IQueryable<OutboxRow> Failed(IQueryable<OutboxRow> rows) =>
        rows.Where(o => o.State == OutboxState.Parked || (o.State == OutboxState.Pending && o.LastError != null));

    /// <summary><c>node(id:)</c> for <c>IntegrationEvent</c>: admins only, nothing for anyone else.</summary>
    public static NodeRegistration Nodes { get; } = new(IntegrationEventType.TypeName, async (context, keys) =>
    {
        if (context.User?.IsInRole(Roles.Admin) != true)
        {
            return new Dictionary<string, object>();
        }

        var ids = keys.Select(k => long.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().Distinct().ToList();
        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<IntegrationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
        var rows = await db.Outbox.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(context.CancellationToken);
        return rows.ToDictionary(o => o.Id.ToString(CultureInfo.InvariantCulture), o => (object)o);
    });
}
