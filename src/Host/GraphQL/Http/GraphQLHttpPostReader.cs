using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CertifyTrack.Host.GraphQL.Http;

/// <summary>The requests of one POST body: one request object, or a JSON array of them (a batch).</summary>
internal sealed record GraphQLHttpBody(IReadOnlyList<(GraphQLRequest? Request, HttpRequestError? Error)> Items, bool IsBatch);

/// <summary>
/// Reads a POST body: <c>application/json</c> only (CSRF-safe), at most the configured bytes,
/// a request object or a non-empty array of at most <c>GraphQL:MaxBatchSize</c> of them.
/// An invalid item of a batch is answered in its place; an invalid body refuses the whole request.
/// </summary>
internal sealed class GraphQLHttpPostReader(GraphQLHttpRequestReader reader)
{
    public async Task<(GraphQLHttpBody? Body, HttpRequestError? Error)> ReadAsync(
        HttpRequest request, GraphQLOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!IsJsonContentType(request.ContentType))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "POST requests must have Content-Type: application/json.");
        }

        var max = options.MaxRequestBodyBytes;
        var body = request.ContentLength > max ? null : await ReadBodyAsync(request.Body, request.ContentLength, max, cancellationToken);
        if (body is not { } bytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than {max} bytes.");
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                var (single, error) = reader.ReadJson(root);
                return error is null ? (new GraphQLHttpBody([(single, null)], IsBatch: false), null) : (null, error);
            }

            var count = root.GetArrayLength();
            if (count == 0)
            {
                return Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "A batch must hold at least one request.");
            }

            if (count > options.MaxBatchSize)
            {
                return Fail(StatusCodes.Status400BadRequest, "BATCH_TOO_LARGE", $"A batch may hold at most {options.MaxBatchSize} requests; this one holds {count}.");
            }

            return (new GraphQLHttpBody([.. root.EnumerateArray().Select(reader.ReadJson)], IsBatch: true), null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string with an unpaired surrogate escape ("\ud800"), which
            // JsonDocument accepts and refuses to turn into text only when it is read.
            return Fail(StatusCodes.Status400BadRequest, "INVALID_JSON", "The request body is not valid JSON.");
        }
    }

    private static bool IsJsonContentType(string? contentType)
    {
        // What every client sends, without parsing a header value per request.
        if (string.Equals(contentType, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            || string.Equals(contentType, GraphQLMediaTypes.Json + "; charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = parsed.Charset;
        return StringSegment.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The body, or null when it is longer than <paramref name="maxBytes"/>. With a Content-Length (checked against
    /// the maximum before) it is read into an array of exactly that size; Kestrel ends the body there and fails a
    /// shorter one. A chunked body is collected a pooled chunk at a time.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(Stream body, long? contentLength, long maxBytes, CancellationToken cancellationToken)
    {
        if (contentLength is { } length)
        {
            var exact = new byte[length];
            var total = 0;
            int read;
            while (total < exact.Length && (read = await body.ReadAsync(exact.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            return exact.AsMemory(0, total);
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static (GraphQLHttpBody?, HttpRequestError?) Fail(int status, string code, string message) =>
        (null, new HttpRequestError(status, code, message));
}
