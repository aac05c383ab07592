using System.Globalization;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Auth;

internal enum LoginOutcome
{
    Success,
    InvalidCredentials,
    Locked,
    EmailNotVerified,
    Inactive,
}

internal sealed record LoginResult(LoginOutcome Outcome, User? User = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// The rules every way of proving a password applies (the sign-in page, the password grant,
/// <c>changePassword</c>): 5 failed passwords from one network (<see cref="SignInSource"/>) lock
/// the account <em>for that network</em> for 15 minutes, so that a stranger locks only their own
/// source and the owner still signs in from theirs; while locked, attempts are refused without
/// checking the password; the count resets on success and once the lock has expired
/// (<see cref="LoginAttempts"/>, one atomic statement per attempt). An inactive user or an
/// unverified email (the bootstrap admin excepted) is refused even with the right password. An
/// unknown username is counted, locked and answered exactly like a known one. The attempt that
/// locks a known account audits it and notifies its owner.
/// </summary>
internal sealed class LoginRules(IDbContextFactory<UsersDbContext> contexts, TimeProvider time, IAuditLog audit, INotifier notifier)
{
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>At most one lockout email per user in this time, and one in-app notice per <see cref="LockoutDuration"/>.</summary>
    public static readonly TimeSpan LockoutEmailInterval = TimeSpan.FromHours(6);

    public async Task<LoginResult> SignInAsync(string? username, string? password, string source, CancellationToken cancellationToken)
    {
        password ??= "";
        var name = User.Normalize(username ?? "");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (name.Length is 0 or > LoginAttempts.MaxUsernameLength)
        {
            await PasswordHashing.VerifyNobodyAsync(password, cancellationToken);
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUsername == name, cancellationToken);
        var result = await CheckPasswordAsync(db, name, user, password, source, cancellationToken);
        if (result.Outcome != LoginOutcome.Success)
        {
            return result;
        }

        result = Check(user!);
        if (result.Outcome == LoginOutcome.Success)
        {
            user!.LastLogin = time.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);   // the last login, and a password rehashed by Verify
        return result;
    }

    /// <summary>
    /// The current password of a signed-in user (<c>changePassword</c>): counted, locked and refused
    /// like a sign-in from <paramref name="source"/>. The count is written on a connection of its own,
    /// so it stands whatever becomes of the caller's transaction.
    /// </summary>
    public async Task<LoginResult> CheckPasswordAsync(User user, string password, string source, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CheckPasswordAsync(db, user.NormalizedUsername, user, password, source, cancellationToken);
    }

    /// <summary>The rules that hold for every token a user obtains from <paramref name="source"/>, the refresh and code exchanges included.</summary>
    public async Task<LoginResult> CheckAsync(long userId, string source, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }

        var until = await LoginAttempts.LockedUntilAsync(db, user.NormalizedUsername, source, time.GetUtcNow(), cancellationToken);
        return until is null ? Check(user) : new LoginResult(LoginOutcome.Locked, LockedUntil: until);
    }

    private static LoginResult Check(User user) =>
        !user.IsActive ? new LoginResult(LoginOutcome.Inactive)
        : !user.IsEmailVerified && !user.IsSuperuser ? new LoginResult(LoginOutcome.EmailNotVerified)
        : new LoginResult(LoginOutcome.Success, user);

    private async Task<LoginResult> CheckPasswordAsync(
        UsersDbContext db, string name, User? user, string password, string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempt = await LoginAttempts.BeginAsync(db, name, source, now, cancellationToken);
        if (attempt.Refused)
        {
            return new LoginResult(LoginOutcome.Locked, LockedUntil: attempt.LockedUntil);
        }

        var right = user is null ? await NobodyMatchesAsync(password, cancellationToken) : await PasswordHashing.VerifyAsync(user, password, cancellationToken);
        if (!right)
        {
            return attempt.Locks
                ? await LockedAsync(db, user, source, attempt.LockedUntil!.Value, now, cancellationToken)
                : new LoginResult(LoginOutcome.InvalidCredentials);
        }

        await LoginAttempts.SucceededAsync(db, name, source, cancellationToken);
        return new LoginResult(LoginOutcome.Success, user);
    }

    private static async Task<bool> NobodyMatchesAsync(string password, CancellationToken cancellationToken)
    {
        await PasswordHashing.VerifyNobodyAsync(password, cancellationToken);   // the time of a real check
        return false;
    }

    private async Task<LoginResult> LockedAsync(
        UsersDbContext db, User? user, string source, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (user is not null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await audit.RecordAsync(db, new AuditEntry("user.locked", "User", user.Id.ToString(CultureInfo.InvariantCulture))
            {
                ActorId = user.Id,
                NewValues = new { lockedUntil = until, source },
            }, cancellationToken);
            // Anyone who knows a username can lock it from network after network, and the security
            // notice cannot be switched off: at most one notice per lockout period, one email per interval.
            var last = await db.Notifications.Where(n => n.UserId == user.Id && n.Kind == NotificationKinds.AccountLocked)
                .MaxAsync(n => (DateTime?)n.CreatedAt, cancellationToken);
            if (last is null || last <= (now - LockoutDuration).UtcDateTime)
            {
                var mail = last is null || last <= (now - LockoutEmailInterval).UtcDateTime;
                await notifier.NotifyAsync(db, user.Id, AccountNotices.AccountLocked(until) with { SendEmail = mail }, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return new LoginResult(LoginOutcome.Locked, LockedUntil: until);
    }
}
