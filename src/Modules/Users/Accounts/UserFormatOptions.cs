using System.Net.Mail;
using System.Text.RegularExpressions;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// The institution's formats, <c>Users:Formats</c>: the one place registration, <c>createUser</c>
/// and <c>importUsers</c> read which emails and USNs they accept. By default any well-formed email
/// and a USN of 5–20 letters and digits. Both patterns are matched case-insensitively against the
/// trimmed value; an email must also be a well-formed address whatever the pattern says.
/// </summary>
internal sealed class UserFormatOptions
{
    public const string Section = "Users:Formats";

    private Regex? email;
    private Regex? usn;

    /// <summary>Emails accepted (e.g. <c>@college\.edu$</c> for one college domain).</summary>
    public string EmailPattern { get; set; } = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";

    /// <summary>USNs accepted; they are stored upper-case.</summary>
    public string UsnPattern { get; set; } = "^[A-Za-z0-9]{5,20}$";

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

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));
}
