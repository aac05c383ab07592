using System.ComponentModel.DataAnnotations;
using CertifyTrack.Shared.GraphQL;

namespace CertifyTrack.Host.GraphQL.RateLimiting;

/// <summary>
/// Permits a caller may spend per <see cref="Window"/>, bound from <c>GraphQL:RateLimits</c>
/// (docs/adr/0010-rate-limits-and-forwarded-headers.md). A query or subscription costs one permit,
/// a mutation one per root field, and expensive fields more (<see cref="Weights"/>). A signed-in
/// caller is counted under its user id and under its IP address; an anonymous caller under its IP
/// address only.
/// </summary>
internal sealed class GraphQLRateLimitOptions
{
    public const string Section = "GraphQL:RateLimits";

    /// <summary>False switches the GraphQL limits off (the <c>/connect/*</c> limits are the Users module's own).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Permits per window per user id (the <c>sub</c> claim); the SRS asks for 100 a minute.</summary>
    [Range(1, int.MaxValue)]
    public int PerUser { get; set; } = 100;

    /// <summary>
    /// Permits per window per client IP address, signed in or not; the SRS asks for 1,000 a
    /// minute. Everyone behind one NAT address (a campus network) shares it.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int PerIp { get; set; } = 1000;

    /// <summary>The fixed window the counts refill after (a real-time window: the framework's limiter does not read <see cref="TimeProvider"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>What root fields cost (<c>GraphQL:RateLimits:Weights</c>).</summary>
    public CostWeights Weights { get; set; } = new();
}

/// <summary>
/// Permits a root field takes: <see cref="Mutation"/> for each root field of a mutation (aliases and
/// batch items each count), plus the weight of each kind of expensive work it declares
/// (<see cref="ExpensiveWork"/>); a query or subscription field only the latter. An operation takes at
/// least one permit.
/// </summary>
internal sealed class CostWeights
{
    [Range(0, 100_000)]
    public int Mutation { get; set; } = 1;

    [Range(0, 100_000)]
    public int PasswordHashing { get; set; } = 10;

    [Range(0, 100_000)]
    public int Email { get; set; } = 10;

    [Range(0, 100_000)]
    public int PdfRendering { get; set; } = 10;

    public int Of(ExpensiveWork work) => work switch
    {
        ExpensiveWork.PasswordHashing => PasswordHashing,
        ExpensiveWork.Email => Email,
        ExpensiveWork.PdfRendering => PdfRendering,
        _ => throw new ArgumentOutOfRangeException(nameof(work), work, "No rate limit weight is configured for this kind of work."),
    };
}
