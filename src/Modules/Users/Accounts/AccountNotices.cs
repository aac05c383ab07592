using System.Globalization;
using CertifyTrack.Shared.Notifications;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// The in-app notifications of account events (security kinds: never switched off). A password
/// change or reset already sends its own email (<see cref="AccountMail"/>'s "password changed"),
/// so those notices are in the app only — one email per event, not two. A lockout sends no other
/// mail, so its notice goes by email too.
/// </summary>
internal static class AccountNotices
{
    public static NotificationRequest PasswordChanged() => new(
        NotificationKinds.PasswordChanged,
        "Your password was changed",
        "Your password was changed and your other sessions were signed out. If this was not you, reset your password at once and tell an administrator.")
    {
        SendEmail = false,
    };

    public static NotificationRequest PasswordReset() => new(
        NotificationKinds.PasswordReset,
        "Your password was reset",
        "Your password was reset with an emailed link, and every session was signed out. If this was not you, reset your password again at once and tell an administrator.")
    {
        SendEmail = false,
    };

    public static NotificationRequest AccountLocked(DateTimeOffset until) => new(
        NotificationKinds.AccountLocked,
        "Your account was locked",
        string.Create(CultureInfo.InvariantCulture,
            $"After {Auth.LoginRules.MaxFailedAttempts} wrong passwords in a row from one network, signing in to your account from that network is locked until {until.UtcDateTime:yyyy-MM-dd HH:mm} (UTC). You can still sign in from elsewhere. If this was not you, reset your password."));
}
