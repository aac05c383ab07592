using System.Globalization;
using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Integration.GraphQL;

/// <summary>
/// <c>retryIntegrationEvent</c>, admins only: a failed delivery (parked, or retrying) is due at once
/// with its attempts reset, and the dispatchers are rung. One conditional <c>UPDATE</c>, so a row
/// delivered meanwhile is left alone; audited as <c>integration-event.retried</c>.
/// </summary>
internal static class RetryIntegrationEvent
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<RetryIntegrationEventInputType, RetryIntegrationEventPayloadType>("retryIntegrationEvent")
            .Description("Delivers a failed integration event again now, with a fresh set of attempts (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Resolve<RetryIntegrationEventInput, RetryIntegrationEventPayload>(async (context, input) =>
            {
                var id = NodeTypes.ParseKey(input.Id, IntegrationEventType.TypeName, "id");
                var services = context.RequestServices!;
                var ct = context.CancellationToken;
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                await using var db = await services.GetRequiredService<IDbContextFactory<IntegrationDbContext>>().CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var before = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct)
                    ?? throw new UserErrorException("NOT_FOUND", "There is no such integration event.", "input", "id");
                var updated = await IntegrationEventFields.Failed(db.Outbox).Where(o => o.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Pending).SetProperty(o => o.Attempts, 0).SetProperty(o => o.AvailableAt, now), ct);
                if (updated == 0)
                {
                    throw new UserErrorException("NOT_FAILED", "This integration event has not failed: it is delivered or waiting for its first attempt.", "input", "id");
                }

                await services.GetRequiredService<IAuditLog>().RecordAsync(
                    db,
                    new AuditEntry("integration-event.retried", IntegrationEventType.TypeName, id.ToString(CultureInfo.InvariantCulture))
                    {
                        OldValues = new { state = IntegrationEventType.StateOf(before).ToString(), attempts = before.Attempts, lastError = before.LastError },
                        NewValues = new { handler = before.Handler, type = before.MessageType },
                    },
                    ct);
                services.GetRequiredService<IEventBus>().PublishAfterCommit(db, OutboxDoorbell.Topic, new OutboxDoorbell());
                var after = await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, ct);   // as retried: a dispatcher may take it at the commit
                await transaction.CommitAsync(ct);
                return new RetryIntegrationEventPayload { IntegrationEvent = after };
            });
}

internal sealed record RetryIntegrationEventInput(string Id);

internal sealed class RetryIntegrationEventInputType : InputObjectGraphType<RetryIntegrationEventInput>
{
    public RetryIntegrationEventInputType() => Field<NonNullGraphType<IdGraphType>>("id").Description("The failed integration event.");
}

internal sealed class RetryIntegrationEventPayload : Payload
{
    public OutboxRow? IntegrationEvent { get; init; }
}

internal sealed class RetryIntegrationEventPayloadType : PayloadGraphType<RetryIntegrationEventPayload>
{
    public RetryIntegrationEventPayloadType() =>
        Field<IntegrationEventType>("integrationEvent").Description("The event, due again.").Resolve(c => c.Source.IntegrationEvent);
}
