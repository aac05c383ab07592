using System.Globalization;
using System.Security.Cryptography;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;

namespace CertifyTrack.Modules.Users.Admin.Invitations;

/// <summary>
/// <see cref="ISetPasswordInvitations"/> until the email outbox exists: a 256-bit random token per
/// user, stored as its SHA-256 (valid <see cref="Lifetime"/>), and an audit row. The plaintext
/// token is handed to <see cref="Deliver"/>, which is where the outbox plugs in; it is never
/// stored, logged or returned.
/// </summary>
internal sealed class SetPasswordInvitations(IAuditLog audit, TimeProvider time) : ISetPasswordInvitations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

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

        var now = time.GetUtcNow().UtcDateTime;
        var tokens = new List<SetPasswordToken>(users.Count);
        foreach (var user in users)
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            tokens.Add(new SetPasswordToken { UserId = user.Id, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime });
            Deliver(user, token);
        }

        db.SetPasswordTokens.AddRange(tokens);
        await db.SaveChangesAsync(cancellationToken);
        var entry = users.Count == 1
            ? new AuditEntry("user.set_password_invited", "User", users[0].Id.ToString(CultureInfo.InvariantCulture))
            : new AuditEntry("user.set_password_invited") { NewValues = new { count = users.Count, firstUserId = users[0].Id, lastUserId = users[^1].Id } };
        await audit.RecordAsync(db, entry, cancellationToken);
    }

    /// <summary>SHA-256 of a token as lower-case hex, the form <c>token_hash</c> stores.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    // The outbox (issue 4, item 6) enqueues the set-password email here.
    private static void Deliver(User user, string token)
    {
        _ = user;
        _ = token;
    }
}
