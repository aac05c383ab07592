namespace CertifyTrack.Shared.Audit;

/// <summary>
/// One audited action. <see cref="Action"/> is a dotted verb (<c>event.cancelled</c>,
/// <c>user.disabled</c>); <see cref="EntityType"/>/<see cref="EntityId"/> name what it acted on
/// (the GraphQL type name and the database key). <see cref="OldValues"/>/<see cref="NewValues"/>
/// are serialised to JSON (camelCase); pass only what the change touched and never secrets.
/// The time comes from <see cref="TimeProvider"/> and the client IP from the current HTTP
/// request; the actor is <see cref="ActorId"/>, or else the signed-in user of the request
/// (null for system work such as background jobs).
/// </summary>
public sealed record AuditEntry(string Action, string? EntityType = null, string? EntityId = null)
{
    public long? ActorId { get; init; }

    public object? OldValues { get; init; }

    public object? NewValues { get; init; }
}
