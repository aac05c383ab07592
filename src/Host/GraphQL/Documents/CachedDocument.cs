using GraphQLParser.AST;

namespace CertifyTrack.Host.GraphQL.Documents;

/// <summary>
/// A document that parsed within the document budget, keyed by the SHA-256 of its text. It is
/// shared by every request that sends the same text, so it is never changed after parsing; the
/// only state is what the schema-only validation rules said about it (<see cref="StaticValidity"/>),
/// which cannot differ between callers, variables or requests.
/// </summary>
internal sealed class CachedDocument(string hash, string text, GraphQLDocument document, int nodes)
{
    /// <summary>Bytes of a syntax node, estimated from measured trees (the nodes, names, lists): about 100.</summary>
    private const int BytesPerNode = 100;

    private int validity;

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
}

/// <summary>What the rules that read only the schema and the document said (the spec's rules, but not argument validators).</summary>
internal enum StaticValidity
{
    Unknown,
    Valid,
    Invalid,
}
