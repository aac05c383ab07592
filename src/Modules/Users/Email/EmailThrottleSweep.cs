using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>Deletes throttle rows whose window has ended (they would start a new window anyway): the table holds the last window's addresses only.</summary>
internal sealed class EmailThrottleSweep(IDbContextFactory<UsersDbContext> factory, EmailThrottle throttle, IOptions<EmailOptions> options) : IPeriodicSweep
{
    public string Name => "Email throttle sweep";

    public TimeSpan Interval => options.Value.Throttle.Window;

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = throttle.Cutoff();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.EmailThrottle.Where(e => e.WindowStart <= cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
