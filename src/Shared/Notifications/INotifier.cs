using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.Notifications;

/// <summary>
/// Notifies users from any module: in the app (<c>api_notification</c>, owned by the Users module)
/// and by email (one <c>api_email_outbox</c> row per recipient). Like <c>IAuditLog</c>, the rows
/// are written through the caller's own context inside its open transaction, so they commit and
/// roll back with the caller's change; each new in-app row is pushed to its owner's
/// <c>notificationReceived</c> subscription after the commit (event bus).
/// The two channels follow the recipient's preferences for the kind independently (no saved
/// preference = on; <see cref="NotificationKinds.Security"/> kinds always on). Email goes only to
/// active users with a verified address. Ids naming no user are skipped.
/// <code>
/// await using var tx = await db.Database.BeginTransactionAsync(ct);
/// registration.Confirm();
/// await db.SaveChangesAsync(ct);
/// await notifier.NotifyAsync(db, studentUserId, new NotificationRequest(NotificationKinds.RegistrationConfirmed, "You're in", "…"), ct);
/// await tx.CommitAsync(ct);
/// </code>
/// </summary>
public interface INotifier
{
    /// <summary>Notifies one user. Returns the number of in-app rows written (0 or 1).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no open transaction.</exception>
    /// <exception cref="ArgumentException">The request is invalid (unknown kind, too long).</exception>
    Task<int> NotifyAsync(DbContext db, long userId, NotificationRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Notifies many users at once (up to <see cref="MaxRecipients"/>) with one multi-row
    /// <c>INSERT</c> per channel, the email rendered once. Returns the number of in-app rows written.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no open transaction.</exception>
    /// <exception cref="ArgumentException">The request is invalid, or there are too many recipients.</exception>
    Task<int> NotifyManyAsync(DbContext db, IReadOnlyCollection<long> userIds, NotificationRequest request, CancellationToken cancellationToken);

    /// <summary>The most recipients one <see cref="NotifyManyAsync"/> call takes.</summary>
    public const int MaxRecipients = 1000;
}
