using CertifyTrack.Host.GraphQL.Limits;
using GraphQL;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.Documents;

/// <summary>
/// Parsed documents by the SHA-256 of their text, least recently used first out, bounded by
/// <see cref="DocumentCacheOptions"/> (entries and estimated bytes). Only documents that parsed
/// within the document budget are kept (<see cref="DocumentBudget"/>), so a cached document has
/// passed the budget: a hit skips parsing and the budget walk, never the budget. Refused documents
/// are not kept: each is refused again, as cheaply as before. It also serves automatic persisted
/// queries: a hash a client sent the text of once is known here until it is evicted.
/// </summary>
internal sealed class DocumentCache(IOptions<DocumentCacheOptions> options, IOptions<GraphQLLimitsOptions> limits)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<CachedDocument>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedDocument> recency = [];
    private long bytes;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The document of this text from the cache, or parsed within the budget (and kept); else the error that refuses it.</summary>
    public (CachedDocument? Document, ExecutionError? Refusal) GetOrParse(string text, string? hash = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        hash ??= DocumentHash.Of(text);
        if (Find(hash) is { } cached && string.Equals(cached.Text, text, StringComparison.Ordinal))
        {
            return (cached, null);
        }

        var (document, refusal, nodes) = DocumentBudget.Parse(text, limits.Value);
        if (document is null || refusal is not null)
        {
            return (null, refusal ?? new ExecutionError("The document could not be parsed.") { Code = "SYNTAX_ERROR" });
        }

        var entry = new CachedDocument(hash, text, document, nodes);
        Add(entry);
        return (entry, null);
    }

    /// <summary>The cached document of this hash (lower-case hex), or null.</summary>
    public CachedDocument? Find(string hash)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(hash, out var node))
            {
                return null;
            }

            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value;
        }
    }

    private void Add(CachedDocument entry)
    {
        var bounds = options.Value;
        if (bounds.MaxEntries == 0 || entry.EstimatedBytes > bounds.MaxBytes / 10)
        {
            return; // one huge document must not empty the cache of everyone else's
        }

        lock (gate)
        {
            if (entries.ContainsKey(entry.Hash))
            {
                return;
            }

            entries[entry.Hash] = recency.AddFirst(entry);
            bytes += entry.EstimatedBytes;
            while (entries.Count > bounds.MaxEntries || bytes > bounds.MaxBytes)
            {
                var oldest = recency.Last!.Value;
                recency.RemoveLast();
                entries.Remove(oldest.Hash);
                bytes -= oldest.EstimatedBytes;
            }
        }
    }
}
