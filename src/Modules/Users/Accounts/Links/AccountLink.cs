namespace CertifyTrack.Modules.Users.Accounts.Links;

/// <summary>
/// One kind of emailed link and the page it opens: its path, its words, whether it asks for a new
/// password, and the <see cref="TokenRedemption"/> command its form runs (the one the matching
/// mutation runs).
/// </summary>
internal sealed record AccountLink(
    string Path,
    string Title,
    string Intro,
    string Button,
    string Done,
    bool AsksForPassword,
    Func<TokenRedemption, string, string?, CancellationToken, Task> Run)
{
    public static readonly AccountLink VerifyEmail = new(
        "/verify-email",
        "Confirm your email address",
        "Press the button to confirm the email address of your CertifyTrack account.",
        "Confirm my email address",
        "Your email address is confirmed. You can now sign in to CertifyTrack.",
        AsksForPassword: false,
        (commands, token, _, ct) => commands.VerifyEmailAsync(token, ct));

    public static readonly AccountLink ResetPassword = new(
        "/reset-password",
        "Choose a new password",
        "Choose a new password for your CertifyTrack account. Your other sessions will be signed out.",
        "Set my new password",
        "Your new password is set. Sign in to CertifyTrack with it.",
        AsksForPassword: true,
        (commands, token, password, ct) => commands.ResetPasswordAsync(token, password, ct));

    public static readonly AccountLink SetPassword = new(
        "/set-password",
        "Choose your password",
        "Welcome to CertifyTrack. Choose the password of the account an administrator created for you.",
        "Set my password",
        "Your password is set. Sign in to CertifyTrack with your username and this password.",
        AsksForPassword: true,
        (commands, token, password, ct) => commands.SetFirstPasswordAsync(token, password, ct));

    public static readonly IReadOnlyList<AccountLink> All = [VerifyEmail, ResetPassword, SetPassword];
}
