using GraphQLParser.AST;

namespace CertifyTrack.Host.GraphQL.Documents;

/// <summary>
/// A document that parsed within the document budget, keyed by the SHA-256 of its text. It is
/// shared by every request that sends the same text, so it is never changed after parsing; the
/// only state is what the schema-only validation rules said about it (<see cref="StaticValidity"/>),
/// which cannot differ between callers, variables or requests, and for which callers a request
/// without variables passed every per-request rule (<see cref="PassedFor"/>, keyed by <see cref="CallerKey"/>).
/// </summary>
internal sealed class CachedDocument(string hash, string text, GraphQLDocument document, int nodes)
{
    /// <summary>Bytes of a syntax node, estimated from measured trees (the nodes, names, lists): about 100.</summary>
    private const int BytesPerNode = 100;

    /// <summary>Caller keys remembered at most: role sets are few, and a full list just stops growing.</summary>
    internal const int MaxPassedKeys = 16;

    private int validity;
    private string[] passed = [];

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text: the cache key, and the id of persisted queries.</summary>
    public string Hash { get; } = hash;

    public string Text { get; } = text;

    public GraphQLDocument Document { get; } = document;

    /// <summary>The text (UTF-16) and its syntax tree, estimated: what the cache's byte bound counts.</summary>
    public long EstimatedBytes { get; } = (2L * text.Length) + ((long)nodes * BytesPerNode);

    public StaticValidity StaticValidity
    {
        get => (StaticValidity)Volatile.Read(ref validity);
        set => Volatile.Write(ref validity, (int)value);
    }

    /// <summary>Whether a request of this key (<see cref="CallerKey"/>), without variables, passed the per-request rules.</summary>
    public bool PassedFor(string key) => Array.IndexOf(Volatile.Read(ref passed), key) >= 0;

    /// <summary>Remembers that a request of this key passed the per-request rules; nothing once <see cref="MaxPassedKeys"/> are known.</summary>
    public void RememberPassed(string key)
    {
        // Copy on write: readers never lock, and the few writes happen once per caller kind and document.
        while (true)
        {
            var known = Volatile.Read(ref passed);
            if (known.Length >= MaxPassedKeys || Array.IndexOf(known, key) >= 0
                || Interlocked.CompareExchange(ref passed, [.. known, key], known) == known)
            {
                return;
            }
        }
    }
}

/// <summary>What the rules that read only the schema and the document said (the spec's rules, but not argument validators).</summary>
internal enum StaticValidity
{
    Unknown,
    Valid,
    Invalid,
}
