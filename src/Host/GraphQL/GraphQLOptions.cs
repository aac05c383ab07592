namespace CertifyTrack.Host.GraphQL;

/// <summary>Transport settings, bound from the <c>GraphQL</c> configuration section.</summary>
internal sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>Largest accepted POST body; larger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Whether exception messages reach clients (never in production).</summary>
    public bool ExposeExceptions { get; set; }
}
