using CertifyTrack.Shared.Notifications;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// The notifications (kind <c>account_updated</c>, switchable per channel in the preferences) of the
/// changes an admin makes to someone's account: the profile fields only admins change, a re-enabled
/// or disabled account, a lockout ended. A disabled user gets none of them: the <see cref="Notifications.Notifier"/>
/// writes nothing for inactive users, and email never goes to them.
/// </summary>
internal static class AccountUpdateNotices
{
    public static NotificationRequest ProfileChanged(IEnumerable<string> fields) => new(
        NotificationKinds.AccountUpdated,
        "An administrator updated your profile",
        $"An administrator changed your profile: {string.Join(", ", fields.Where(f => f != "profileCompleted"))}. Ask them if this looks wrong.");

    public static NotificationRequest Enabled() => new(
        NotificationKinds.AccountUpdated,
        "Your account was enabled",
        "An administrator enabled your account: you can sign in again.");

    public static NotificationRequest Disabled() => new(
        NotificationKinds.AccountUpdated,
        "Your account was disabled",
        "An administrator disabled your account and signed out every session.");

    public static NotificationRequest Unlocked() => new(
        NotificationKinds.AccountUpdated,
        "Your sign-in lockout was lifted",
        "An administrator ended the lockout of your account and reset the failed sign-in counter: you can sign in again.");
}
