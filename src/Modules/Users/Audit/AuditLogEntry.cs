using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Users.Audit;

/// <summary>
/// A row of <c>api_auditlog</c>. Append-only: nothing in code updates or deletes a row except the
/// retention sweep (<see cref="AuditRetention"/>); on PostgreSQL a trigger enforces it.
/// </summary>
internal sealed class AuditLogEntry : INode
{
    public static string TypeName => "AuditLogEntry";

    public long Id { get; set; }

    /// <summary>The acting user; null for system actions and once the user is deleted (<c>ON DELETE SET NULL</c>).</summary>
    public long? UserId { get; set; }

    /// <summary>The actor's username when the row was written, so the row still names them after deletion.</summary>
    public string? ActorUsername { get; set; }

    public string Action { get; set; } = "";

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>When it happened, UTC.</summary>
    public DateTime Timestamp { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>The values before the change, as JSON (jsonb on PostgreSQL).</summary>
    public string? OldValues { get; set; }

    /// <summary>The values after the change, as JSON (jsonb on PostgreSQL).</summary>
    public string? NewValues { get; set; }
}
