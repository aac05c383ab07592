using System.Net.Mail;
using System.Text.RegularExpressions;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// The institution's formats, <c>Users:Formats</c>: the one place registration, <c>createUser</c>,
/// <c>importUsers</c> and <c>updateMyProfile</c> read which emails, USNs, phone numbers and birth dates
/// they accept. By default any well-formed email, a USN of 5–20 letters and digits, an international
/// (E.164) number or a 10-digit Indian mobile number, and an age from 15 to 100 years. The patterns
/// are matched case-insensitively against the trimmed value (a phone number without its separators);
/// an email must also be a well-formed address whatever the pattern says.
/// </summary>
internal sealed class UserFormatOptions
{
    public const string Section = "Users:Formats";

    private static readonly char[] PhoneSeparators = ['-', '.', '(', ')'];

    private Regex? email;
    private Regex? usn;
    private Regex? phone;

    /// <summary>Emails accepted (e.g. <c>@college\.edu$</c> for one college domain).</summary>
    public string EmailPattern { get; set; } = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";

    /// <summary>USNs accepted; they are stored upper-case.</summary>
    public string UsnPattern { get; set; } = "^[A-Za-z0-9]{5,20}$";

    /// <summary>
    /// Phone numbers accepted, after spaces, hyphens, dots and parentheses are removed: <c>+</c>, a
    /// country code and number of 8–15 digits in all (E.164), or an Indian mobile number (10 digits from 6–9).
    /// </summary>
    public string PhonePattern { get; set; } = "^(?:\\+[1-9][0-9]{7,14}|[6-9][0-9]{9})$";

    /// <summary>The youngest age, in whole years, a date of birth may give.</summary>
    public int MinAgeYears { get; set; } = 15;

    /// <summary>The oldest age, in whole years, a date of birth may give.</summary>
    public int MaxAgeYears { get; set; } = 100;

    public bool IsEmail(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length is > 0 and <= 254
            && MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            && (email ??= Compile(EmailPattern)).IsMatch(trimmed);
    }

    public bool IsUsn(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length is > 0 and <= 20 && (usn ??= Compile(UsnPattern)).IsMatch(trimmed);
    }

    /// <summary>
    /// The number without its separators (white space, hyphens, dots, parentheses) when it is an optional
    /// <c>+</c> and ASCII digits only (a pattern's <c>\d</c> would match other scripts' digits too) that
    /// <see cref="PhonePattern"/> accepts, in at most 20 characters (the column's size); else null.
    /// </summary>
    public string? CompactPhone(string? value)
    {
        if (value is null || value.Length > 40)
        {
            return null;
        }

        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && !PhoneSeparators.Contains(c)));
        return compact.Length is > 1 and <= 20
            && compact.Skip(compact[0] == '+' ? 1 : 0).All(char.IsAsciiDigit)
            && (phone ??= Compile(PhonePattern)).IsMatch(compact) ? compact : null;
    }

    /// <summary>In the past, and the person is from <see cref="MinAgeYears"/> to <see cref="MaxAgeYears"/> years old on <paramref name="today"/>.</summary>
    public bool IsPlausibleBirthDate(DateOnly value, DateOnly today) =>
        value <= today.AddYears(-MinAgeYears) && value > today.AddYears(-(MaxAgeYears + 1));

    public void Validate()
    {
        _ = Compile(EmailPattern);
        _ = Compile(UsnPattern);
        _ = Compile(PhonePattern);
        if (MinAgeYears < 0 || MaxAgeYears < MinAgeYears || MaxAgeYears > 150)
        {
            throw new InvalidOperationException($"{Section}:MinAgeYears and MaxAgeYears must satisfy 0 <= MinAgeYears <= MaxAgeYears <= 150.");
        }
    }

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));
}
