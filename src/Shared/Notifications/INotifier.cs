using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.Notifications;

/// <summary>
/// Sends in-app notifications (<c>api_notification</c>, owned by the Users module) from any
/// module. Like <c>IAuditLog</c>, the rows are written through the caller's own context inside
/// its open transaction, so they commit and roll back with the caller's change; each new row is
/// pushed to its owner's <c>notificationReceived</c> subscription after the commit (event bus).
/// Recipients who switched the kind off in the app get no row; ids naming no user are skipped.
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
    /// <summary>Notifies one user. Returns the number of rows written (0 or 1).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no open transaction.</exception>
    /// <exception cref="ArgumentException">The request is invalid (unknown kind, too long).</exception>
    Task<int> NotifyAsync(DbContext db, long userId, NotificationRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Notifies many users at once with one multi-row <c>INSERT</c> (up to <see cref="MaxRecipients"/>).
    /// Returns the number of rows written.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no open transaction.</exception>
    /// <exception cref="ArgumentException">The request is invalid, or there are too many recipients.</exception>
    Task<int> NotifyManyAsync(DbContext db, IReadOnlyCollection<long> userIds, NotificationRequest request, CancellationToken cancellationToken);

    /// <summary>The most recipients one <see cref="NotifyManyAsync"/> call takes.</summary>
    public const int MaxRecipients = 1000;
}
