using CertifyTrack.Shared.GraphQL.Authorization;
using System.Globalization;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Http;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Audit;

/// <summary>
/// <c>GET /exports/audit-log.csv</c>, admins only: the audit trail, newest first, streamed row by
/// row. Query parameters as <c>auditLog(where:)</c>: <c>actorUsername</c>, <c>action</c>,
/// <c>entityType</c>, <c>entityId</c> (exact, case-insensitive), <c>from</c>/<c>to</c> (ISO instants, [from, to)).
/// </summary>
internal sealed class AuditLogCsvExport : IModuleEndpoints
{
    public const string Path = "/exports/audit-log.csv";

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, ExportAsync);

    private static async Task ExportAsync(HttpContext context, IDbContextFactory<UsersDbContext> factory)
    {
        if (Caller.Of(context.User).UserId is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!Caller.Of(context.User).IsAdmin)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var q = context.Request.Query;
        if (!TryInstant(q["from"], out var from) || !TryInstant(q["to"], out var to))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("'from' and 'to' must be ISO-8601 instants.", context.RequestAborted);
            return;
        }

        await using var db = await factory.CreateDbContextAsync(context.RequestAborted);
        var rows = db.AuditLog.AsNoTracking();
        rows = Equal(rows, q["actorUsername"], a => a.ActorUsername);
        rows = Equal(rows, q["action"], a => a.Action);
        rows = Equal(rows, q["entityType"], a => a.EntityType);
        rows = Equal(rows, q["entityId"], a => a.EntityId);
        if (from is { } f)
        {
            rows = rows.Where(a => a.Timestamp >= f);
        }

        if (to is { } t)
        {
            rows = rows.Where(a => a.Timestamp < t);
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"audit-log.csv\"";
        var ct = context.RequestAborted;
        await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(["id", "timestamp", "user_id", "actor_username", "action", "entity_type", "entity_id", "ip_address", "old_values", "new_values"], ct);
        await foreach (var a in rows.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteField(a.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(DateTime.SpecifyKind(a.Timestamp, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));
            csv.WriteField(a.UserId?.ToString(CultureInfo.InvariantCulture));
            await csv.WriteRecordAsync([a.ActorUsername!, a.Action, a.EntityType!, a.EntityId!, a.IpAddress!, a.OldValues!, a.NewValues!], ct);
        }

        await csv.FlushAsync(ct);
    }

    private static IQueryable<AuditLogEntry> Equal(
        IQueryable<AuditLogEntry> rows, string? value, System.Linq.Expressions.Expression<Func<AuditLogEntry, string?>> column)
    {
        if (string.IsNullOrEmpty(value))
        {
            return rows;
        }

        var lowered = value.ToLowerInvariant();
        var parameter = column.Parameters[0];
        var body = System.Linq.Expressions.Expression.Equal(
            System.Linq.Expressions.Expression.Call(column.Body, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!),
            System.Linq.Expressions.Expression.Constant(lowered));
        return rows.Where(System.Linq.Expressions.Expression.Lambda<Func<AuditLogEntry, bool>>(body, parameter));
    }

    private static bool TryInstant(string? text, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        value = parsed.UtcDateTime;
        return true;
    }
}
