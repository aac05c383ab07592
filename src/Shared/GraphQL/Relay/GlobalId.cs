using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CertifyTrack.Shared.GraphQL.Relay;

/// <summary>
/// Opaque, URL-safe global object ids: base64url of <c>Type:key</c>. Clients must treat them
/// as opaque; the server decodes them only through <see cref="TryParse"/>.
/// </summary>
public readonly record struct GlobalId(string TypeName, string Key)
{
    public static string Encode(string typeName, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentNullException.ThrowIfNull(key);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{key}"));
    }

    public static string Encode(string typeName, long key) =>
        Encode(typeName, key.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static bool TryParse(string? value, [NotNullWhen(true)] out GlobalId? id)
    {
        id = null;
        if (string.IsNullOrEmpty(value) || value.Length > 512 || !Base64Url.IsValid(value))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(value));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        id = new GlobalId(text[..colon], text[(colon + 1)..]);
        return true;
    }

    public override string ToString() => Encode(TypeName, Key);
}
