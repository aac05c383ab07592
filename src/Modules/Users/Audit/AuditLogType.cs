using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Lists;
using CertifyTrack.Shared.GraphQL.Relay;
using CertifyTrack.Shared.GraphQL.Scalars;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Audit;

/// <summary>
/// <c>AuditLogEntry</c>, admins only. The class is named <c>AuditLogType</c> so its connection is
/// <c>AuditLogConnection</c> (connections are named after the graph type class).
/// </summary>
internal sealed class AuditLogType : ObjectGraphType<AuditLogEntry>
{
    public AuditLogType()
    {
        Name = AuditLogEntry.TypeName;
        this.AuthorizeWithRoles(Roles.Admin);
        this.NodeId(a => a.Id).AllowAnonymous();
        Field<UserType>("user").Resolve(c => c.Source.UserId is { } id ? UserNodes.Users.Load(c, id) : null);
        Field(a => a.ActorUsername, nullable: true).Description("The actor's username when the entry was written; kept after the user is deleted.");
        Field(a => a.Action);
        Field(a => a.EntityType, nullable: true);
        Field(a => a.EntityId, nullable: true);
        Field<NonNullGraphType<DateTimeGraphType>>("timestamp").Resolve(c => UserType.Utc(c.Source.Timestamp));
        Field(a => a.IpAddress, nullable: true);
        Field<JsonGraphType>("changes").Description("{ old, new }: the values before and after, as the action recorded them.")
            .Resolve(c => c.Source.OldValues is null && c.Source.NewValues is null
                ? null
                : new { old = JsonGraphType.Json(c.Source.OldValues), @new = JsonGraphType.Json(c.Source.NewValues) });
    }
}

internal sealed class AuditLogFilter : FilterInputType<AuditLogEntry>
{
    public AuditLogFilter()
    {
        Field("actorUsername", a => a.ActorUsername);
        Field("action", a => a.Action);
        Field("entityType", a => a.EntityType);
        Field("entityId", a => a.EntityId);
        Field("timestamp", a => a.Timestamp);
    }
}

internal sealed class AuditLogSort : SortInputType<AuditLogEntry>
{
    public AuditLogSort()
    {
        Field("timestamp", a => a.Timestamp);
        DefaultOrder("timestamp", SortDirection.Desc);
    }
}
