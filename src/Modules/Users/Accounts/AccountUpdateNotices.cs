using CertifyTrack.Shared.Notifications;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// The notifications (kind <c>account_updated</c>, switchable per channel in the preferences) of the
/// changes an admin makes to someone's account: the profile fields only admins change.
/// </summary>
internal static class AccountUpdateNotices
{
    public static NotificationRequest ProfileChanged(IEnumerable<string> fields) => new(
        NotificationKinds.AccountUpdated,
        "An administrator updated your profile",
        $"An administrator changed your profile: {string.Join(", ", fields.Where(f => f != "profileCompleted"))}. Ask them if this looks wrong.");
}
