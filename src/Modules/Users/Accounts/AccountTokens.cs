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
    /// A new token for the user, not yet added to any context, and its plaintext, which only the email
    /// carries. The user's other unused tokens stay valid: asking again for a link never invalidates
    /// the one in the mailbox (they expire, and setting a password burns every password link).
    /// </summary>
    public (AccountToken Row, string Token) New(long userId, TokenPurpose purpose, TimeSpan lifetime) =>
        NewToken(userId, purpose, time.GetUtcNow().UtcDateTime, lifetime);

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
