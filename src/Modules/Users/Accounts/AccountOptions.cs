namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>Users:*</c>: the account token lifetimes, plus the top-level <c>PublicBaseUrl</c> that
/// emailed links start with. The formats of emails and USNs are <see cref="UserFormatOptions"/>
/// (<c>Users:Formats</c>).
/// </summary>
internal sealed class AccountOptions
{
    public const string Section = "Users";

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the set-password link of a user an admin created or imported works.</summary>
    public TimeSpan SetPasswordTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Wrong guesses at an emailed token (verification, reset, set-password) before it stops working.</summary>
    public int ResetTokenMaxAttempts { get; set; } = 5;

    /// <summary>A verification email is not re-sent sooner than this after the last one.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// An account's owner is told "someone tried to register with your email" at most once in this
    /// time, however often it is tried (so the notice cannot be used to flood a mailbox).
    /// </summary>
    public TimeSpan RegistrationNoticeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Bound from the top-level <c>PublicBaseUrl</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public string Link(string path, string token) =>
        $"{PublicBaseUrl.TrimEnd('/')}/{path}?token={Uri.EscapeDataString(token)}";
}
