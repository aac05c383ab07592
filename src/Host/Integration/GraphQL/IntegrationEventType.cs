using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Relay;
using CertifyTrack.Shared.GraphQL.Scalars;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.Integration.GraphQL;

/// <summary><c>IntegrationEvent</c>, admins only: one durable integration event for one handler.</summary>
internal sealed class IntegrationEventType : ObjectGraphType<OutboxRow>
{
    public const string TypeName = "IntegrationEvent";  // = OutboxRow.TypeName, checked by NodeId

    public IntegrationEventType()
    {
        Name = TypeName;
        Description = "A durable integration event as one handler receives it (admins only).";
        this.AuthorizeWithRoles(Roles.Admin);
        this.NodeId(o => o.Id).AllowAnonymous();
        Field<NonNullGraphType<StringGraphType>>("messageId").Description("Shared by the deliveries of one published message.")
            .Resolve(c => c.Source.MessageId.ToString("D"));
        Field<NonNullGraphType<StringGraphType>>("type").Description("The event's stored name and version, e.g. events.event-completed.v1.")
            .Resolve(c => c.Source.MessageType);
        Field<StringGraphType>("key").Description("Events with the same key reach the handler in publish order.").Resolve(c => c.Source.OrderingKey);
        Field(o => o.Handler).Description("The subscription that failed.");
        Field<NonNullGraphType<IntegrationEventStateType>>("state").Resolve(c => StateOf(c.Source));
        Field(o => o.Attempts).Description("Attempts made so far.");
        Field(o => o.LastError, nullable: true).Description("The last failure: exception type and message.");
        Field<JsonGraphType>("payload").Description("The event as published.").Resolve(c => JsonGraphType.Json(c.Source.Payload));
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => Utc(c.Source.CreatedAt));
        Field<DateTimeGraphType>("nextAttemptAt").Description("When it is tried again; null once parked or delivered.")
            .Resolve(c => c.Source.State == OutboxState.Pending ? Utc(c.Source.AvailableAt) : null);
    }

    public static IntegrationEventState StateOf(OutboxRow row) => row.State switch
    {
        OutboxState.Parked => IntegrationEventState.Parked,
        OutboxState.Delivered => IntegrationEventState.Delivered,
        _ => row.Attempts > 0 ? IntegrationEventState.Retrying : IntegrationEventState.Pending,
    };

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

internal enum IntegrationEventState
{
    Pending,
    Retrying,
    Parked,
    Delivered,
}

internal sealed class IntegrationEventStateType : EnumerationGraphType<IntegrationEventState>
{
    public IntegrationEventStateType()
    {
        Name = "IntegrationEventState";
        Description = "PENDING: not tried yet; RETRYING: failed, tried again after a backoff; PARKED: out of attempts, waits for retryIntegrationEvent; DELIVERED: took effect.";
    }
}
