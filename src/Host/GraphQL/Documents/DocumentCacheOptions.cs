using System.ComponentModel.DataAnnotations;

namespace CertifyTrack.Host.GraphQL.Documents;

/// <summary>The <c>GraphQL:DocumentCache</c> section: how many parsed documents are kept, and how much memory they may take.</summary>
internal sealed class DocumentCacheOptions
{
    public const string Section = "GraphQL:DocumentCache";

    /// <summary>Documents kept at most; the least recently used goes first. <c>0</c> switches the cache off.</summary>
    [Range(0, 1_000_000)]
    public int MaxEntries { get; set; } = 1000;

    /// <summary>
    /// Estimated bytes of all kept documents at most (<see cref="CachedDocument.EstimatedBytes"/>: the text
    /// and its syntax tree). A document larger than a tenth of this is parsed each time instead.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MaxBytes { get; set; } = 32L * 1024 * 1024;
}
