using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.Audit;

/// <summary>
/// Writes audit rows (<c>api_auditlog</c>, owned by the Users module). Append-only: there is no
/// way to change or remove a row. See docs/adr/0008-audit-log.md.
/// <code>
/// await using var tx = await db.Database.BeginTransactionAsync(ct);
/// event.Cancel(reason);
/// await db.SaveChangesAsync(ct);
/// await audit.RecordAsync(db, new AuditEntry("event.cancelled", "Event", event.Id.ToString()) { NewValues = new { reason } }, ct);
/// await tx.CommitAsync(ct);   // the change and its audit row commit together, or neither does
/// </code>
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Writes <paramref name="entry"/> inside the transaction open on <paramref name="db"/> (the
    /// caller's own module context): it commits and rolls back with the caller's change. Throws
    /// <see cref="InvalidOperationException"/> when <paramref name="db"/> has no transaction.
    /// </summary>
    Task RecordAsync(DbContext db, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="entry"/> on its own, for actions that change no rows of the caller's
    /// (a sign-in, an export). Committed when the task completes.
    /// </summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}
