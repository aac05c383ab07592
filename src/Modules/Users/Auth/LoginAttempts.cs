using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>One counted password attempt: its number since the last success, and the lock it met or set.</summary>
internal sealed record LoginAttempt(int Number, DateTimeOffset? LockedUntil)
{
    /// <summary>The source was already locked: the password must not even be checked.</summary>
    public bool Refused => Number > LoginRules.MaxFailedAttempts;

    /// <summary>This attempt set the lock: if its password is wrong too, it is the one that locked the account.</summary>
    public bool Locks => Number == LoginRules.MaxFailedAttempts;
}

/// <summary>
/// The lockout counter of <c>api_login_failure</c>, per (username, source). An attempt is counted
/// <em>before</em> its password is checked, by one conditional upsert that increments, restarts
/// after an expired lock and sets the lock when the count reaches the limit, and returns the new
/// row: concurrent attempts are serialised on the row, each gets its own number, and only numbers
/// up to the limit go on to check a password. A success deletes the row (the counter resets).
/// </summary>
internal static class LoginAttempts
{
    /// <summary>As <c>auth_user.normalized_username</c>: a longer name belongs to nobody and is not counted.</summary>
    public const int MaxUsernameLength = 150;

    public static async Task<LoginAttempt> BeginAsync(UsersDbContext db, string username, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var until = (now + LoginRules.LockoutDuration).UtcDateTime;
        var max = LoginRules.MaxFailedAttempts;
        // Same text for SQLite (3.35+) and PostgreSQL; every SET expression reads the row as it was.
        var rows = await db.LoginFailures.FromSql($"""
            INSERT INTO api_login_failure (username, source, failed_attempts, locked_until, last_attempt_at)
            VALUES ({username}, {source}, 1, NULL, {at})
            ON CONFLICT (username, source) DO UPDATE SET
                failed_attempts = CASE WHEN api_login_failure.locked_until <= {at} THEN 1
                                       ELSE api_login_failure.failed_attempts + 1 END,
                locked_until = CASE WHEN api_login_failure.locked_until <= {at} THEN NULL
                                    WHEN api_login_failure.failed_attempts + 1 = {max} THEN {until}
                                    ELSE api_login_failure.locked_until END,
                last_attempt_at = {at}
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        var row = rows.Single();
        return new LoginAttempt(row.FailedAttempts, Utc(row.LockedUntil));
    }

    /// <summary>The right password from this source: its count starts again.</summary>
    public static Task SucceededAsync(UsersDbContext db, string username, string source, CancellationToken cancellationToken) =>
        db.LoginFailures.Where(f => f.Username == username && f.Source == source).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Until when sign-in to <paramref name="username"/> from <paramref name="source"/> is locked, if it is.</summary>
    public static async Task<DateTimeOffset?> LockedUntilAsync(UsersDbContext db, string username, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var until = await db.LoginFailures.AsNoTracking()
            .Where(f => f.Username == username && f.Source == source && f.LockedUntil > at)
            .Select(f => f.LockedUntil).FirstOrDefaultAsync(cancellationToken);
        return Utc(until);
    }

    /// <summary>An unlock or a new password: every source's count and lock for the username go.</summary>
    public static Task<int> ClearAsync(UsersDbContext db, string username, CancellationToken cancellationToken) =>
        db.LoginFailures.Where(f => f.Username == username).ExecuteDeleteAsync(cancellationToken);

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
}
