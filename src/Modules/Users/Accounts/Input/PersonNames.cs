using System.Globalization;
using System.Text;

namespace CertifyTrack.Modules.Users.Accounts.Input;

/// <summary>
/// What a person's name (first and last name, an emergency contact's name) may hold: any script,
/// NFC-normalised and trimmed, with at least one letter, and nothing invisible or direction-changing
/// that would make one name look like another or reorder the text around it in lists, emails and
/// certificates: no control characters, no format characters (bidi embeddings, overrides and
/// isolates U+202A–202E and U+2066–2069, the marks U+200E/U+200F/U+061C, zero-width spaces, the
/// BOM, soft hyphens, tag characters), no other invisible (default-ignorable) code points such as
/// Hangul fillers or variation selectors, no separators but the plain space, no private-use or
/// unassigned code points. Zero-width (non-)joiners are kept only right after a letter or mark of
/// a script that needs them (Malayalam chillus, Devanagari half forms), never after Latin letters.
/// </summary>
internal static class PersonNames
{
    public const string Rule = "A name has letters and may not contain control, direction-changing or invisible characters.";

    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>The form a name is stored in: NFC, trimmed.</summary>
    public static string Canonical(string value) => UnicodeText.TryNormalize(value, NormalizationForm.FormC, out var normalized) ? normalized.Trim() : value.Trim();

    public static bool IsClean(string value)
    {
        if (!UnicodeText.IsValidUtf16(value))
        {
            return false;
        }

        var letters = false;
        var previous = UnicodeCategory.SpaceSeparator;
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner)
            {
                if (previous is not (UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
                {
                    return false;
                }
            }
            else if (IsForbidden(rune, category))
            {
                return false;
            }

            letters |= Rune.IsLetter(rune);
            previous = category;
        }

        return letters;
    }

    private static bool IsForbidden(Rune rune, UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || (category == UnicodeCategory.SpaceSeparator && rune.Value != ' ')
        || rune == Rune.ReplacementChar
        || IsInvisible(rune.Value);

    /// <summary>Default-ignorable code points that are not format characters (Unicode's DerivedCoreProperties).</summary>
    private static bool IsInvisible(int c) =>
        c is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0
        || c is >= 0x180B and <= 0x180F
        || c is >= 0xFE00 and <= 0xFE0F
        || c is >= 0xE0100 and <= 0xE01EF;
}
