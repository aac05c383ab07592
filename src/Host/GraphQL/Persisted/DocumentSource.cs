using System.Globalization;
using CertifyTrack.Host.GraphQL.Documents;
using GraphQL;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.Persisted;

/// <summary>
/// Finds the document a request runs (docs/frontend.md): its text, or only the SHA-256 of a text sent
/// before (<c>extensions.persistedQuery</c>, automatic persisted queries) or of a trusted document. A hash
/// sent with a text must be that text's hash. With <see cref="PersistedDocumentOptions.OnlyTrustedDocuments"/>
/// every other document is refused, whichever way it comes. The document itself comes from the
/// <see cref="DocumentCache"/>, parsed within the document budget on a miss.
/// </summary>
internal sealed class DocumentSource(DocumentCache cache, TrustedDocuments trusted, IOptions<PersistedDocumentOptions> options)
{
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string NotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string HashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string Invalid = "INVALID_PERSISTED_QUERY";
    public const string NotTrusted = "DOCUMENT_NOT_TRUSTED";
    public const string DocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND";
    public const string InvalidDocumentId = "INVALID_DOCUMENT_ID";

    /// <summary>The prefix of a document id: the persisted documents of GraphQL over HTTP name the hash's algorithm.</summary>
    private const string Sha256Prefix = "sha256:";

    public (CachedDocument? Document, ExecutionError? Refusal) Resolve(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DocumentId is { } documentId)
        {
            return ById(documentId);
        }

        var (sentHash, invalid) = PersistedQueryHash(request.Extensions);
        if (invalid is not null)
        {
            return (null, invalid);
        }

        var settings = options.Value;
        if (request.Query is not { } text)
        {
            return sentHash is null
                ? (null, Refuse("MISSING_QUERY", "The request has neither a 'query' nor a persisted query hash."))
                : ByHash(sentHash, settings);
        }

        var hash = DocumentHash.Of(text);
        if (sentHash is not null && sentHash != hash)
        {
            // Apollo's message: clients and their tests know it.
            return (null, Refuse(HashMismatch, "provided sha does not match query"));
        }

        return settings.OnlyTrustedDocuments && !trusted.Contains(hash)
            ? (null, NotTrustedError())
            : cache.GetOrParse(text, hash);
    }

    /// <summary>
    /// A document id names a trusted document only (not a text some client registered by APQ): it is how a
    /// build's operations are called once deployed, so an unknown id is a client/server version mismatch.
    /// </summary>
    private (CachedDocument?, ExecutionError?) ById(string documentId)
    {
        if (!documentId.StartsWith(Sha256Prefix, StringComparison.Ordinal) || !DocumentHash.IsWellFormed(documentId[Sha256Prefix.Length..]))
        {
            return (null, Refuse(InvalidDocumentId, "documentId must be \"sha256:<64 hex digits>\", the SHA-256 of a trusted document's text."));
        }

        var hash = documentId[Sha256Prefix.Length..].ToLowerInvariant();
        return trusted.Find(hash) is { } text
            ? cache.GetOrParse(text, hash)
            : (null, Refuse(DocumentNotFound, $"No trusted document has the id '{documentId}'. Deploy the operations manifest with the frontend that uses it."));
    }

    private (CachedDocument?, ExecutionError?) ByHash(string hash, PersistedDocumentOptions settings)
    {
        if (trusted.Find(hash) is { } text)
        {
            return cache.GetOrParse(text, hash);
        }

        if (settings.OnlyTrustedDocuments)
        {
            return (null, NotTrustedError());
        }

        if (!settings.AutomaticPersistedQueries)
        {
            return (null, Refuse(NotSupported, "PersistedQueryNotSupported"));
        }

        // The exact message and code Apollo Client and urql look for before sending the text once.
        return cache.Find(hash) is { } known ? (known, null) : (null, Refuse(NotFound, "PersistedQueryNotFound"));
    }

    /// <summary>The lower-case hash of <c>extensions.persistedQuery</c> (version 1), null without one, or why it is refused.</summary>
    private static (string? Hash, ExecutionError? Error) PersistedQueryHash(Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var value) || value is null)
        {
            return (null, null);
        }

        if (value is not IReadOnlyDictionary<string, object?> persisted
            || !persisted.TryGetValue("version", out var version) || Convert.ToString(version, CultureInfo.InvariantCulture) != "1"
            || !persisted.TryGetValue("sha256Hash", out var hash) || hash is not string text || !DocumentHash.IsWellFormed(text))
        {
            return (null, Refuse(Invalid, "extensions.persistedQuery must be { \"version\": 1, \"sha256Hash\": \"<64 hex digits>\" }."));
        }

        return (text.ToLowerInvariant(), null);
    }

    private static ExecutionError NotTrustedError() => Refuse(NotTrusted,
        "This server runs only its trusted documents, and this is not one of them. Register the operation with the server's persisted documents.");

    private static ExecutionError Refuse(string code, string message) => new(message) { Code = code };
}
