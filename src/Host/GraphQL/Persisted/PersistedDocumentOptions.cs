namespace CertifyTrack.Host.GraphQL.Persisted;

/// <summary>The <c>GraphQL:PersistedDocuments</c> section: automatic persisted queries and trusted documents (docs/frontend.md).</summary>
internal sealed class PersistedDocumentOptions
{
    public const string Section = "GraphQL:PersistedDocuments";

    /// <summary>
    /// Automatic persisted queries (Apollo's and urql's protocol): a request may send only
    /// <c>extensions.persistedQuery.sha256Hash</c> of a document this instance has seen the text of.
    /// </summary>
    public bool AutomaticPersistedQueries { get; set; } = true;

    /// <summary>
    /// A folder of trusted documents, read at start: <c>&lt;sha256&gt;.graphql</c> files and JSON manifests
    /// (GraphQL Codegen's <c>persisted-documents.json</c>, Apollo's <c>persisted-query-manifest.json</c>).
    /// Relative paths are under the content root.
    /// </summary>
    public string? TrustedDocumentsPath { get; set; }

    /// <summary>Refuse every document that is not a trusted one (<c>DOCUMENT_NOT_TRUSTED</c>), on HTTP and WebSocket.</summary>
    public bool OnlyTrustedDocuments { get; set; }
}
