using System.ComponentModel;
using System.Globalization;
using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Errors;
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
        mutation.Command<RetryIntegrationEventInput, RetryIntegrationEventPayload>("retryIntegrationEvent")
            .Description("Delivers a failed integration event again now, with a fresh set of attempts (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Run<IntegrationDbContext>(async (command, input) =>
            {
                var id = NodeTypes.ParseKey<OutboxRow>(input.Id, "id");
                var before = await command.Db.Outbox.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, command.CancellationToken)
                    ?? throw new UserErrorException(PlatformErrorCodes.NotFound, "There is no such integration event.", "input", "id");
                var updated = await IntegrationEventFields.Failed(command.Db.Outbox).Where(o => o.Id == id).ExecuteUpdateAsync(
                    s => s.SetProperty(o => o.State, OutboxState.Pending).SetProperty(o => o.Attempts, 0).SetProperty(o => o.AvailableAt, command.Now),
                    command.CancellationToken);
                if (updated == 0)
                {
                    throw new UserErrorException(IntegrationErrorCodes.NotFailed, "This integration event has not failed: it is delivered or waiting for its first attempt.", "input", "id");
                }

                await command.AuditAsync(new AuditEntry("integration-event.retried", OutboxRow.TypeName, id.ToString(CultureInfo.InvariantCulture))
                {
                    OldValues = new { state = IntegrationEventType.StateOf(before).ToString(), attempts = before.Attempts, lastError = before.LastError },
                    NewValues = new { handler = before.Handler, type = before.MessageType },
                });
                command.PublishAfterCommit(OutboxDoorbell.Topic, new OutboxDoorbell());
                // As retried: a dispatcher may take it at the commit.
                return new RetryIntegrationEventPayload(await command.Db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, command.CancellationToken));
            });
}

internal sealed record RetryIntegrationEventInput([Id, Description("The failed integration event.")] string Id);

internal sealed record RetryIntegrationEventPayload([Description("The event, due again.")] OutboxRow? IntegrationEvent) : Payload;
