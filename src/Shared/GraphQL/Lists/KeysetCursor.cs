using CertifyTrack.Shared.GraphQL.Errors;
using System.Buffers.Text;
using System.Text.Json;
using GraphQL;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>
/// Opaque keyset cursors: base64url of a JSON array holding the order it was made for
/// (<c>"name:asc,id:asc"</c>) and the row's values of those keys. A cursor of another order,
/// or one that does not decode, is refused with <c>INVALID_CURSOR</c>.
/// </summary>
internal static class KeysetCursor
{
    private const int MaxLength = 2048;

    public static string Signature(IReadOnlyList<OrderKey> keys) => string.Join(',', keys);

    public static string Encode(string signature, IReadOnlyList<OrderKey> keys, object node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(signature);
            foreach (var key in keys)
            {
                JsonSerializer.Serialize(writer, key.Field.Read(node), key.Field.Type);
            }

            writer.WriteEndArray();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    public static object?[] Decode(string cursor, string signature, IReadOnlyList<OrderKey> keys)
    {
        try
        {
            if (cursor.Length > MaxLength || !Base64Url.IsValid(cursor))
            {
                throw Invalid("it is not a cursor of this list");
            }

            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor));
            var items = document.RootElement.EnumerateArray().ToList();
            if (items.Count != keys.Count + 1 || items[0].GetString() != signature)
            {
                throw Invalid("it was made for another order; start again without a cursor");
            }

            var values = new object?[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                values[i] = items[i + 1].Deserialize(keys[i].Field.Type);
                if (values[i] is null && !keys[i].Field.Nullable)
                {
                    throw Invalid("it is not a cursor of this list");
                }
            }

            return values;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw Invalid("it is not a cursor of this list");
        }
    }

    private static ExecutionError Invalid(string why) =>
        new($"The cursor is not valid: {why}.") { Code = PlatformErrorCodes.InvalidCursor };
}
