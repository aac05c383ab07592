using System.Collections.Frozen;
using System.Text.Json;
using CertifyTrack.Host.GraphQL.Documents;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.Persisted;

/// <summary>
/// The allow-list of operations, by SHA-256, read once at start from
/// <see cref="PersistedDocumentOptions.TrustedDocumentsPath"/>: each <c>*.graphql</c> file is one document
/// named by its hash; each <c>*.json</c> file is a manifest, either an object of hash to text (GraphQL
/// Codegen's client preset) or Apollo's <c>{"format":"apollo-persisted-query-manifest","operations":[{"id","body"}]}</c>.
/// Every hash is checked against its text: a file that does not match stops the host, since it would
/// be a document no client can send.
/// </summary>
internal sealed class TrustedDocuments
{
    private readonly FrozenDictionary<string, string> byHash;

    public TrustedDocuments(IOptions<PersistedDocumentOptions> options, IHostEnvironment environment)
    {
        var path = options.Value.TrustedDocumentsPath;
        byHash = string.IsNullOrWhiteSpace(path)
            ? FrozenDictionary<string, string>.Empty
            : Load(Path.GetFullPath(path, environment.ContentRootPath));
        if (options.Value.OnlyTrustedDocuments && byHash.Count == 0)
        {
            throw new InvalidOperationException(
                $"{PersistedDocumentOptions.Section}:OnlyTrustedDocuments is on, but no trusted document was found (TrustedDocumentsPath '{path}').");
        }
    }

    public int Count => byHash.Count;

    /// <summary>The text of a trusted document by its lower-case hex hash, or null.</summary>
    public string? Find(string hash) => byHash.GetValueOrDefault(hash);

    public bool Contains(string hash) => byHash.ContainsKey(hash);

    private static FrozenDictionary<string, string> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The trusted documents folder '{folder}' does not exist.");
        }

        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.graphql", SearchOption.AllDirectories))
        {
            Add(documents, Path.GetFileNameWithoutExtension(file), File.ReadAllText(file), file);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            var entries = root.TryGetProperty("operations", out var operations) && operations.ValueKind == JsonValueKind.Array
                ? operations.EnumerateArray().Select(o => (Id: o.GetProperty("id").GetString(), Text: o.GetProperty("body").GetString()))
                : root.EnumerateObject().Select(p => (Id: (string?)p.Name, Text: p.Value.GetString()));
            foreach (var (id, text) in entries)
            {
                Add(documents, id, text, file);
            }
        }

        return documents.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, string> documents, string? id, string? text, string file)
    {
        var hash = id?.StartsWith("sha256:", StringComparison.Ordinal) == true ? id["sha256:".Length..] : id;
        if (text is null || !DocumentHash.IsWellFormed(hash) || !string.Equals(DocumentHash.Of(text), hash, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Trusted document '{id}' in '{file}' is not the SHA-256 of its text (hash the exact text, UTF-8, with SHA-256, in hex).");
        }

        documents[hash!.ToLowerInvariant()] = text;
    }
}
