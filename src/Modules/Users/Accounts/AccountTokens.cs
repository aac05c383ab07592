using System.Security.Cryptography;
using System.Text;
using CertifyTrack.Modules.Users.Persistence;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>Issues and redeems <see cref="AccountToken"/>s.</summary>
internal sealed class AccountTokens(TimeProvider time)
{
    private const int SelectorLength = 16;   // 12 random bytes, base64url

    /// <summary>
    /// Adds a new token for the user (replacing the user's unused ones of the same purpose) and
    /// returns its plaintext, which only the email carries. The caller saves and commits.
    /// </summary>
    public async Task<(string Token, DateTime ExpiresAt)> IssueAsync(
        UsersDbContext db, long userId, TokenPurpose purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteDeleteAsync(cancellationToken);
        var (row, token) = NewToken(userId, purpose, time.GetUtcNow().UtcDateTime, lifetime);
        db.AccountTokens.Add(row);
        return (token, row.ExpiresAt);
    }

    /// <summary>
    /// The same for many users who have no token of this purpose yet (new users): the rows are only
    /// added to <paramref name="db"/>, so that the caller inserts them in one batched save, without a
    /// round trip per user. Returns the plaintexts in the order of <paramref name="userIds"/>.
    /// </summary>
    public IReadOnlyList<(string Token, DateTime ExpiresAt)> AddForNewUsers(
        UsersDbContext db, IReadOnlyList<long> userIds, TokenPurpose purpose, TimeSpan lifetime)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var issued = userIds.Select(id => NewToken(id, purpose, now, lifetime)).ToList();
        db.AccountTokens.AddRange(issued.Select(i => i.Row));
        return [.. issued.Select(i => (i.Token, i.Row.ExpiresAt))];
    }

    /// <summary>
    /// The live token <paramref name="token"/> names, or null (unknown, expired, used, or out of
    /// attempts). A wrong verifier for a known selector counts one failed attempt at once (outside
    /// any transaction of the caller's). The caller consumes a returned token with <see cref="ConsumeAsync"/>.
    /// </summary>
    public async Task<AccountToken?> FindAsync(
        UsersDbContext db, string? token, TokenPurpose purpose, int maxAttempts, CancellationToken cancellationToken)
    {
        if (token is null || token.Length <= SelectorLength || token.Length > 100)
        {
            return null;
        }

        var selector = token[..SelectorLength];
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.AccountTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Selector == selector && t.Purpose == purpose, cancellationToken);
        if (row is null || row.UsedAt is not null || row.ExpiresAt <= now || row.FailedAttempts >= maxAttempts)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(row.VerifierHash);
        var actual = Encoding.ASCII.GetBytes(Hash(token[SelectorLength..]));
        if (CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return row;
        }

        await db.AccountTokens.Where(t => t.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FailedAttempts, t => t.FailedAttempts + 1), cancellationToken);
        return null;
    }

    /// <summary>
    /// Deletes the user's unused password tokens (reset links and set-password invitations) inside
    /// the caller's transaction: once a password is set or changed, no earlier emailed link may set
    /// it again (someone who read the mailbox before must not keep a way in).
    /// </summary>
    public static Task<int> DropPasswordTokensAsync(UsersDbContext db, long userId, CancellationToken cancellationToken) =>
        db.AccountTokens
            .Where(t => t.UserId == userId && t.UsedAt == null && (t.Purpose == TokenPurpose.PasswordReset || t.Purpose == TokenPurpose.SetPassword))
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>Marks the token used inside the caller's transaction; false when someone used it first.</summary>
    public async Task<bool> ConsumeAsync(UsersDbContext db, AccountToken token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.AccountTokens.Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        return updated == 1;
    }

    private static (AccountToken Row, string Token) NewToken(long userId, TokenPurpose purpose, DateTime now, TimeSpan lifetime)
    {
        var selector = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var row = new AccountToken
        {
            UserId = userId, Purpose = purpose, Selector = selector, VerifierHash = Hash(verifier),
            CreatedAt = now, ExpiresAt = now + lifetime,
        };
        return (row, selector + verifier);
    }

    private static string Hash(string verifier) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(verifier)));
}
