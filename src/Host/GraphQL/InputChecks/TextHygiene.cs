using System.Globalization;

namespace CertifyTrack.Host.GraphQL.InputChecks;

/// <summary>
/// What text inputs may not hold: control characters (C0 other than tab, line feed and carriage
/// return; DEL; C1) and unpaired UTF-16 surrogates. PostgreSQL refuses NUL in text outright, the
/// rest corrupts logs, CSV exports and terminals, and none of it is typed by a person.
/// </summary>
internal static class TextHygiene
{
    /// <summary>The index of the first character not allowed, or -1.</summary>
    public static int FindInvalid(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How the character at <paramref name="index"/> is named in an error: <c>U+0000</c>.</summary>
    public static string Describe(ReadOnlySpan<char> text, int index) =>
        "U+" + ((int)text[index]).ToString("X4", CultureInfo.InvariantCulture);
}
