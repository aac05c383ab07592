using System.Threading.RateLimiting;
using CertifyTrack.Modules.Users.Accounts;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// Password attempts per username per minute, whatever the client IP (the per-IP limit is the
/// <see cref="AuthEndpoints.RateLimitPolicy"/> policy). Applied where the username is known:
/// the password grant and the sign-in form.
/// </summary>
internal sealed class UsernameRateLimiter(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(
        username => RateLimitPartition.GetFixedWindowLimiter(username, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.AttemptsPerMinutePerUsername,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string? username)
    {
        using var lease = limiter.AttemptAcquire(User.Normalize(username ?? ""));
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
