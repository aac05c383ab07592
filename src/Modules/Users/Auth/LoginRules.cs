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
/// The rules every sign-in path applies (the sign-in page, the password grant): 5 failed passwords
/// lock the account for 15 minutes; the counter resets on success and once the lock has expired;
/// an inactive user or an unverified email (the bootstrap admin excepted) is refused even with the
/// right password. An unknown username answers exactly as a wrong password. Locking an account
/// notifies its owner (in the app and by email) in the same transaction as the lock.
/// </summary>
internal sealed class LoginRules(IDbContextFactory<UsersDbContext> contexts, TimeProvider time, IAuditLog audit, INotifier notifier)
{
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>At most one lockout email per user in this time (each lockout still notifies in the app).</summary>
    public static readonly TimeSpan LockoutEmailInterval = TimeSpan.FromHours(6);

    public async Task<LoginResult> SignInAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        username ??= "";
        password ??= "";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = User.Normalize(username);
        var user = normalized.Length == 0 ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedUsername == normalized, cancellationToken);
        if (user is null)
        {
            await PasswordHashing.VerifyNobodyAsync(password, cancellationToken);
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }

        var now = time.GetUtcNow();
        if (user.AccountLockedUntil is { } until && new DateTimeOffset(until, TimeSpan.Zero) > now)
        {
            return new LoginResult(LoginOutcome.Locked, LockedUntil: new DateTimeOffset(until, TimeSpan.Zero));
        }

        if (user.AccountLockedUntil is not null)
        {
            user.AccountLockedUntil = null;
            user.FailedLoginAttempts = 0;
        }

        if (!await PasswordHashing.VerifyAsync(user, password, cancellationToken))
        {
            return await FailAsync(db, user, now, cancellationToken);
        }

        user.FailedLoginAttempts = 0;
        var result = Check(user);
        if (result.Outcome == LoginOutcome.Success)
        {
            user.LastLogin = now.UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>The rules that hold for every token a user obtains, the refresh and code exchanges included.</summary>
    public async Task<LoginResult> CheckAsync(long userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }

        if (user.AccountLockedUntil is { } until && new DateTimeOffset(until, TimeSpan.Zero) > time.GetUtcNow())
        {
            return new LoginResult(LoginOutcome.Locked, LockedUntil: new DateTimeOffset(until, TimeSpan.Zero));
        }

        return Check(user);
    }

    private static LoginResult Check(User user) =>
        !user.IsActive ? new LoginResult(LoginOutcome.Inactive)
        : !user.IsEmailVerified && !user.IsSuperuser ? new LoginResult(LoginOutcome.EmailNotVerified)
        : new LoginResult(LoginOutcome.Success, user);

    private async Task<LoginResult> FailAsync(UsersDbContext db, User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        user.FailedLoginAttempts++;
        if (user.FailedLoginAttempts < MaxFailedAttempts)
        {
            await db.SaveChangesAsync(cancellationToken);
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }

        var until = now + LockoutDuration;
        user.AccountLockedUntil = until.UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(db, new AuditEntry("user.locked", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            ActorId = user.Id,
            NewValues = new { lockedUntil = until },
        }, cancellationToken);
        // Anyone who knows a username can lock the account every 15 minutes, and the security email
        // cannot be switched off: mail at most one lockout per LockoutEmailInterval; every lockout
        // still notifies in the app.
        var since = (now - LockoutEmailInterval).UtcDateTime;
        var mailedRecently = await db.Notifications.AnyAsync(
            n => n.UserId == user.Id && n.Kind == NotificationKinds.AccountLocked && n.CreatedAt > since, cancellationToken);
        await notifier.NotifyAsync(db, user.Id, AccountNotices.AccountLocked(until) with { SendEmail = !mailedRecently }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LoginResult(LoginOutcome.Locked, LockedUntil: until);
    }
}
