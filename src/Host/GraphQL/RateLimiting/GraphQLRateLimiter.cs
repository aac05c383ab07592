using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.RateLimiting;

/// <summary>
/// Counts GraphQL operations, not HTTP requests: every item of a batch and every WebSocket
/// <c>subscribe</c> takes one permit. A signed-in caller needs a permit under its user id and one
/// under its IP address, an anonymous caller only the latter (fixed windows of the framework's
/// <see cref="FixedWindowRateLimiter"/>, kept in this process: each host instance counts alone).
/// The user is asked first, so that a user over their own limit uses up none of the permits of
/// the others behind the same address.
/// </summary>
internal sealed class GraphQLRateLimiter : IDisposable
{
    private readonly GraphQLRateLimitOptions options;
    private readonly PartitionedRateLimiter<Caller>? perUser;
    private readonly PartitionedRateLimiter<Caller>? perIp;
    private readonly PartitionedRateLimiter<Caller>? both;

    public GraphQLRateLimiter(IOptions<GraphQLRateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        if (!this.options.Enabled)
        {
            return;
        }

        Func<string, FixedWindowRateLimiterOptions> userWindow = _ => Window(this.options.PerUser);
        Func<string, FixedWindowRateLimiterOptions> ipWindow = _ => Window(this.options.PerIp);
        perUser = PartitionedRateLimiter.Create<Caller, string>(caller => caller.UserId is { } id
            ? RateLimitPartition.GetFixedWindowLimiter(id, userWindow)
            : RateLimitPartition.GetNoLimiter(string.Empty));
        perIp = PartitionedRateLimiter.Create<Caller, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller.Address, ipWindow));
        both = PartitionedRateLimiter.CreateChained(perUser, perIp);
    }

    /// <summary>Takes <paramref name="operations"/> permits at once, or none; null when they were granted.</summary>
    public RateLimitRefusal? TryAcquire(ClaimsPrincipal user, IPAddress? address, int operations)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (both is null)
        {
            return null;
        }

        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirst("sub")?.Value : null;
        var ceiling = userId is null ? options.PerIp : Math.Min(options.PerUser, options.PerIp);
        if (operations > ceiling)
        {
            // More than a whole window grants (a large batch under a small limit): never admitted.
            return RateLimitRefusal.After(options.Window);
        }

        using var lease = both.AttemptAcquire(new Caller(userId, ClientAddressKey.From(address)), operations);
        if (lease.IsAcquired)
        {
            return null;
        }

        // The framework names a whole window (it does not tell how much of it is left): a safe upper bound.
        return RateLimitRefusal.After(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Window);
    }

    public void Dispose()
    {
        both?.Dispose();
        perUser?.Dispose();
        perIp?.Dispose();
    }

    private FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = options.Window,
        QueueLimit = 0,
    };

    private sealed record Caller(string? UserId, string Address);
}
