using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CertifyTrack.Host.GraphQL.Documents;

/// <summary>The SHA-256 of a document's UTF-8 text in lower-case hex, as Apollo, urql and GraphQL Codegen compute it.</summary>
internal static class DocumentHash
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, rented);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Whether a client's hash has the form of one: 64 hex digits (either case).</summary>
    public static bool IsWellFormed(string? hash) => hash is { Length: 64 } && hash.All(char.IsAsciiHexDigit);
}
