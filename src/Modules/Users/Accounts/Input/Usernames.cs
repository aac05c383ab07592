using System.Text;
using System.Text.RegularExpressions;

namespace CertifyTrack.Modules.Users.Accounts.Input;

/// <summary>
/// What a username may be, on every path that creates one (registration, <c>createUser</c>,
/// <c>importUsers</c>, the demo seeder, the admin bootstrap) and the form sign-in looks it up by.
/// A username is NFKC-normalised first, so compatibility look-alikes become what they look like
/// (fullwidth <c>ａｄｍｉｎ</c> is <c>admin</c>, the Kelvin sign is <c>K</c>), then must be 3–150 ASCII
/// letters, digits, <c>.</c>, <c>_</c> or <c>-</c>, starting and ending with a letter or digit: other
/// scripts' look-alikes (Cyrillic <c>ѕ</c>) and invisible characters cannot get in at all.
/// Uniqueness and look-ups compare the upper-cased form (<see cref="User.Normalize"/>), so
/// <c>ADMIN</c> and <c>ａｄｍｉｎ</c> are <c>admin</c>.
/// </summary>
internal static partial class Usernames
{
    public const int MinLength = 3;

    public const int MaxLength = 150;

    public const string Rule = "A username has 3–150 letters (a–z, A–Z), digits, '.', '_' or '-', and starts and ends with a letter or digit.";

    /// <summary>The form a username is stored in: NFKC, trimmed (a string that is not valid UTF-16 only trimmed).</summary>
    public static string Canonical(string value) => UnicodeText.TryNormalize(value, NormalizationForm.FormKC, out var normalized) ? normalized.Trim() : value.Trim();

    public static bool IsValid(string canonical) => canonical.Length is >= MinLength and <= MaxLength && Format().IsMatch(canonical);

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
