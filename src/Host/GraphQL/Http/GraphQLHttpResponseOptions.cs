namespace CertifyTrack.Host.GraphQL.Http;

/// <summary>The <c>GraphQL:Http</c> section: response compression and HTTP caching of <c>/graphql</c> answers.</summary>
internal sealed class GraphQLHttpResponseOptions
{
    public const string Section = "GraphQL:Http";

    /// <summary>
    /// JSON answers of at least this many bytes are compressed (Brotli, else gzip, as the client's
    /// <c>Accept-Encoding</c> allows); smaller ones cost more to compress than they save. <c>0</c> = never.
    /// </summary>
    public int CompressionMinimumBytes { get; set; } = 1024;

    /// <summary>
    /// <c>Cache-Control: public, max-age</c> of an anonymous GET query answered without errors (by persisted
    /// hash or text), so browsers and CDNs may reuse it. Every other answer is <c>no-store</c>. Zero = none.
    /// </summary>
    public TimeSpan AnonymousGetMaxAge { get; set; } = TimeSpan.FromSeconds(30);
}
