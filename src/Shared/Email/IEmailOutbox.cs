using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.Email;

/// <summary>
/// Queues email in the outbox (<c>api_email_outbox</c>, owned by the Users module). The message is
/// rendered at once and written through the caller's own context inside its open transaction, so
/// it is sent exactly when the change that caused it commits; a background worker delivers it
/// with retries. Every address has a throttle per template (<c>Email:Throttle</c>, by default 5 an
/// hour): a message over it is dropped, and the call answers false. Inside a GraphQL root field,
/// only one declaring <c>ExpensiveWork.Email</c> may queue mail.
/// <code>
/// await using var tx = await db.Database.BeginTransactionAsync(ct);
/// ...                                  // change rows, SaveChangesAsync
/// await outbox.EnqueueAsync(db, new EmailMessage(email, "event-cancelled", model), ct);
/// await tx.CommitAsync(ct);
/// </code>
/// </summary>
public interface IEmailOutbox
{
    /// <summary>
    /// Renders <paramref name="message"/> and inserts it into the outbox inside the transaction open
    /// on <paramref name="db"/>; false when the recipient's throttle dropped it. Throws
    /// <see cref="InvalidOperationException"/> without a transaction and <see cref="ArgumentException"/>
    /// for an unknown template.
    /// </summary>
    Task<bool> EnqueueAsync(DbContext db, EmailMessage message, CancellationToken cancellationToken);
}
