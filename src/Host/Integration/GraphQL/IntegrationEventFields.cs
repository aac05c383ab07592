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
    public static NodeSource<IntegrationDbContext, OutboxRow> Nodes { get; } = new(
        new NodePolicy<IntegrationDbContext, OutboxRow>("admins", (caller, _) => caller.IsInRole(Roles.Admin) ? o => true : o => false),
        db => db.Outbox.AsNoTracking(),
        o => o.Id);
}
