using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// Deletes lockout counters without an attempt for a day (every lock has long expired by then):
/// usernames nobody has, tried once, must not pile up. A source's failures are thus forgotten after
/// a quiet day, as they would be after 15 minutes of a lock.
/// </summary>
internal sealed class LoginFailureSweep(IDbContextFactory<UsersDbContext> factory, TimeProvider time) : IPeriodicSweep
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public string Name => "Login failure sweep";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = (time.GetUtcNow() - Retention).UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.LoginFailures.Where(f => f.LastAttemptAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
