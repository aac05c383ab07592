namespace CertifyTrack.Host.GraphQL;

/// <summary>Transport settings, bound from the <c>GraphQL</c> configuration section.</summary>
internal sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>Largest accepted POST body; larger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest JSON-array batch of requests in one POST; larger batches get <c>BATCH_TOO_LARGE</c>.</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>
    /// Whether <c>__schema</c>/<c>__type</c> may be queried (<c>__typename</c> always may). Defaults to
    /// true in Development, false elsewhere; while off, error messages carry no "Did you mean" suggestions.
    /// </summary>
    public bool EnableIntrospection { get; set; } = true;

    /// <summary>Whether exception details reach clients: honoured only in Development.</summary>
    public bool ExposeExceptions { get; set; }
}
