using System.Security.Claims;
using System.Text.Json;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Audit;

/// <summary>
/// <see cref="IAuditLog"/>: one <c>INSERT</c> run on the caller's own context, so it uses the
/// caller's connection and transaction and needs no context of ours (docs/adr/0008-audit-log.md).
/// The actor's id and username are read from <c>auth_user</c> in the same statement: an actor id
/// with no user row is stored as null.
/// </summary>
internal sealed class AuditLog(
    IDbContextFactory<UsersDbContext> usersDb,
    TimeProvider time,
    IHttpContextAccessor http) : IAuditLog
{
    public Task RecordAsync(DbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "IAuditLog.RecordAsync(db, …) writes inside the caller's transaction; begin one on the context first.");
        }

        return InsertAsync(db, entry, cancellationToken);
    }

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await usersDb.CreateDbContextAsync(cancellationToken);
        await InsertAsync(db, entry, cancellationToken);
    }

    private Task<int> InsertAsync(DbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action);
        var request = http.HttpContext;
        var actor = entry.ActorId ?? ActorOf(request?.User);
        var ip = request?.Connection.RemoteIpAddress?.ToString();
        var timestamp = time.GetUtcNow().UtcDateTime;
        var oldValues = ToJson(entry.OldValues);
        var newValues = ToJson(entry.NewValues);
        return db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO api_auditlog (user_id, actor_username, action, entity_type, entity_id, "timestamp", ip_address, old_values, new_values)
                VALUES ((SELECT id FROM auth_user WHERE id = {actor}), (SELECT username FROM auth_user WHERE id = {actor}),
                        {entry.Action}, {entry.EntityType}, {entry.EntityId}, {timestamp}, {ip}, CAST({oldValues} AS jsonb), CAST({newValues} AS jsonb))
                """,
                cancellationToken)
            : db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO api_auditlog (user_id, actor_username, action, entity_type, entity_id, "timestamp", ip_address, old_values, new_values)
                VALUES ((SELECT id FROM auth_user WHERE id = {actor}), (SELECT username FROM auth_user WHERE id = {actor}),
                        {entry.Action}, {entry.EntityType}, {entry.EntityId}, {timestamp}, {ip}, {oldValues}, {newValues})
                """,
                cancellationToken);
    }

    private static long? ActorOf(ClaimsPrincipal? user) =>
        long.TryParse(user?.FindFirst("sub")?.Value, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? ToJson(object? value) => value switch
    {
        null => null,
        JsonElement element => element.GetRawText(),
        _ => JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Web),
    };
}
