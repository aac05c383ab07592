using System.Globalization;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;

namespace CertifyTrack.Modules.Users.Admin.Invitations;

/// <summary>
/// Invites users an admin created or imported to choose their password: per user, a set-password
/// <see cref="AccountToken"/> (selector + hashed verifier, single use, attempt-limited, 7 days) and
/// an outbox email with the link <c>{PublicBaseUrl}/set-password?token=…</c>; one audit row for the
/// lot. Runs in the caller's open transaction (the users must have ids), so the invitations exist
/// exactly when the users do. Tokens and emails of any number of users are inserted by one
/// batched <c>SaveChanges</c>: an import of 10,000 users makes no round trip per user.
/// </summary>
internal sealed class SetPasswordInvitations(AccountMail mail, IAuditLog audit)
{
    public Task SendAsync(UsersDbContext db, User user, CancellationToken cancellationToken) =>
        SendManyAsync(db, [user], cancellationToken);

    public async Task SendManyAsync(UsersDbContext db, IReadOnlyList<User> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count == 0)
        {
            return;
        }

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;   // only new rows: nothing to detect, and 20,000 of them
        try
        {
            await mail.AddSetPasswordInvitationsAsync(db, users, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        var entry = users.Count == 1
            ? new AuditEntry("user.set_password_invited", "User", users[0].Id.ToString(CultureInfo.InvariantCulture))
            : new AuditEntry("user.set_password_invited") { NewValues = new { count = users.Count, firstUserId = users[0].Id, lastUserId = users[^1].Id } };
        await audit.RecordAsync(db, entry, cancellationToken);
    }
}
