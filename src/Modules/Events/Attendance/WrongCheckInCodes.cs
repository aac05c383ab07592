using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>
/// Each organizer's budget of wrong check-in codes: <see cref="AttendanceOptions.WrongCheckInCodes"/> per
/// <see cref="AttendanceOptions.WrongCheckInCodeWindow"/> (a fixed window per user, in the instance's memory as
/// the request rate limits are, ADR 0010). A code is 128 random bits, so guessing is hopeless anyway; the budget
/// stops an organizer's account being used to probe codes at request-rate speed. Right codes cost nothing.
/// </summary>
internal sealed class WrongCheckInCodes(IOptions<AttendanceOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<long> limiter = PartitionedRateLimiter.Create<long, long>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.WrongCheckInCodes,
            Window = options.Value.WrongCheckInCodeWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Whether <paramref name="userId"/> has wrong codes left in this window.</summary>
    public bool HasBudget(long userId) => limiter.GetStatistics(userId) is not { CurrentAvailablePermits: <= 0 };

    /// <summary>Spends one of <paramref name="userId"/>'s wrong codes.</summary>
    public void Spend(long userId) => limiter.AttemptAcquire(userId).Dispose();

    public void Dispose() => limiter.Dispose();
}
