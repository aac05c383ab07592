using System.ComponentModel.DataAnnotations;

namespace CertifyTrack.Host.GraphQL.RateLimiting;

/// <summary>
/// Operations a caller may run per <see cref="Window"/>, bound from <c>GraphQL:RateLimits</c>
/// (docs/adr/0010-rate-limits-and-forwarded-headers.md). A signed-in caller is counted under its
/// user id and under its IP address; an anonymous caller under its IP address only.
/// </summary>
internal sealed class GraphQLRateLimitOptions
{
    public const string Section = "GraphQL:RateLimits";

    /// <summary>False switches the GraphQL limits off (the <c>/connect/*</c> limits are the Users module's own).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Operations per window per user id (the <c>sub</c> claim); the SRS asks for 100 a minute.</summary>
    [Range(1, int.MaxValue)]
    public int PerUser { get; set; } = 100;

    /// <summary>
    /// Operations per window per client IP address, signed in or not; the SRS asks for 1,000 a
    /// minute. Everyone behind one NAT address (a campus network) shares it.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int PerIp { get; set; } = 1000;

    /// <summary>The fixed window the counts refill after (a real-time window: the framework's limiter does not read <see cref="TimeProvider"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
