using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CertifyTrack.Modules.Users.Accounts.Input;

/// <summary>Unicode normalisation that does not throw on text that is not valid UTF-16 (a lone surrogate from a JSON escape).</summary>
internal static class UnicodeText
{
    public static bool IsValidUtf16(string value)
    {
        var span = value.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            span = span[consumed..];
        }

        return true;
    }

    public static bool TryNormalize(string value, NormalizationForm form, [NotNullWhen(true)] out string? normalized)
    {
        normalized = IsValidUtf16(value) ? value.Normalize(form) : null;
        return normalized is not null;
    }
}
