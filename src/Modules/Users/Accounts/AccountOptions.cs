using System.Text.RegularExpressions;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>Users:*</c>: the institution's formats and the account token lifetimes, plus the top-level
/// <c>PublicBaseUrl</c> that emailed links start with.
/// </summary>
internal sealed class AccountOptions
{
    public const string Section = "Users";

    /// <summary>Emails accepted at registration (e.g. one college domain). Default: any well-formed address.</summary>
    public string EmailPattern { get; set; } = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";

    /// <summary>USNs accepted at registration, matched case-insensitively. Default: 5–20 letters and digits.</summary>
    public string UsnPattern { get; set; } = "^[A-Za-z0-9]{5,20}$";

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Wrong guesses at a reset token before it stops working.</summary>
    public int ResetTokenMaxAttempts { get; set; } = 5;

    /// <summary>A verification email is not re-sent sooner than this after the last one.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bound from the top-level <c>PublicBaseUrl</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public bool IsEmail(string value) => Matches(EmailPattern, value);

    public bool IsUsn(string value) => Matches(UsnPattern, value);

    public string Link(string path, string token) =>
        $"{PublicBaseUrl.TrimEnd('/')}/{path}?token={Uri.EscapeDataString(token)}";

    private static bool Matches(string pattern, string value) =>
        Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));
}
