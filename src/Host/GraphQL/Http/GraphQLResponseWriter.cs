using System.Globalization;
using System.IO.Compression;
using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CertifyTrack.Host.GraphQL.Http;

/// <summary>
/// Writes a <c>/graphql</c> answer: serialized into memory first, so that it goes out with a
/// <c>Content-Length</c> (no chunking), and compressed when it is at least
/// <see cref="GraphQLHttpResponseOptions.CompressionMinimumBytes"/> and the client accepts Brotli or gzip
/// (fastest level: on a busy API the CPU matters more than the last bytes). Bearer tokens are never
/// sent by a browser on its own, so a cross-site page cannot make a signed-in answer reflect its input
/// next to a secret for BREACH to measure (docs/adr/0003).
/// </summary>
internal sealed class GraphQLResponseWriter(IGraphQLSerializer serializer, IOptions<GraphQLHttpResponseOptions> options)
{
    public async Task WriteAsync<TResult>(HttpContext context, TResult result)
    {
        var response = context.Response;
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, context.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var minimum = options.Value.CompressionMinimumBytes;
        var encoding = minimum > 0 && body.Length >= minimum ? Negotiate(context.Request) : null;
        if (encoding is null)
        {
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted);
            return;
        }

        response.Headers.ContentEncoding = encoding;
        await using var compressor = encoding == "br"
            ? (Stream)new BrotliStream(response.Body, CompressionLevel.Fastest, leaveOpen: true)
            : new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
        await compressor.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Brotli or gzip, whichever the client rates higher (Brotli on a tie); null for neither (or <c>identity</c> only).</summary>
    internal static string? Negotiate(HttpRequest request)
    {
        string? best = null;
        var bestQuality = 0d;
        foreach (var value in request.GetTypedHeaders().AcceptEncoding)
        {
            var name = value.Value.Value;
            var quality = value.Quality ?? 1;
            var candidate = string.Equals(name, "br", StringComparison.OrdinalIgnoreCase) ? "br"
                : string.Equals(name, "gzip", StringComparison.OrdinalIgnoreCase) ? "gzip"
                : null;
            if (candidate is not null && quality > 0 && (quality > bestQuality || (quality == bestQuality && candidate == "br")))
            {
                (best, bestQuality) = (candidate, quality);
            }
        }

        return best;
    }

    /// <summary>The response headers every answer shares: what it varies by, and whether a cache may keep it.</summary>
    public void SetCaching(HttpContext context, bool cacheable)
    {
        var headers = context.Response.Headers;
        var maxAge = options.Value.AnonymousGetMaxAge;
        if (cacheable && maxAge > TimeSpan.Zero)
        {
            // Authorization: a cache must not hand an anonymous answer to a signed-in request of the same URL.
            headers.CacheControl = "public, max-age=" + ((long)maxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            headers.Vary = $"{HeaderNames.Accept}, {HeaderNames.AcceptEncoding}, {HeaderNames.Authorization}";
            return;
        }

        headers.CacheControl = "no-store";
        headers.Vary = $"{HeaderNames.Accept}, {HeaderNames.AcceptEncoding}";
    }
}
