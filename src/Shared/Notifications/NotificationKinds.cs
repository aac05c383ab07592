namespace CertifyTrack.Shared.Notifications;

/// <summary>
/// The kinds of in-app notification (<c>api_notification.kind</c>, at most 50 characters). Users
/// choose per kind whether they want it in the app and by email, except for the
/// <see cref="Security"/> kinds, which cannot be switched off.
/// </summary>
public static class NotificationKinds
{
    public const string RegistrationConfirmed = "registration_confirmed";
    public const string RegistrationWaitlisted = "registration_waitlisted";
    public const string RegistrationPromoted = "registration_promoted";
    public const string RegistrationCancelled = "registration_cancelled";
    public const string EventRescheduled = "event_rescheduled";
    public const string EventCancelled = "event_cancelled";
    public const string EventReminder = "event_reminder";
    public const string CertificateIssued = "certificate_issued";
    public const string PointsApproved = "points_approved";
    public const string PointsRejected = "points_rejected";
    public const string PointsOverridden = "points_overridden";
    public const string BookingApproved = "booking_approved";
    public const string BookingRejected = "booking_rejected";
    public const string BookingAutoRejected = "booking_auto_rejected";
    public const string ClubMembership = "club_membership";
    public const string ClubUpdated = "club_updated";
    public const string MentorAssigned = "mentor_assigned";
    public const string AccountUpdated = "account_updated";
    public const string PasswordChanged = "password_changed";
    public const string PasswordReset = "password_reset";
    public const string AccountLocked = "account_locked";

    /// <summary>Security kinds: always delivered in the app and by email.</summary>
    public static readonly IReadOnlySet<string> Security = new HashSet<string>(StringComparer.Ordinal)
    {
        PasswordChanged, PasswordReset, AccountLocked,
    };

    /// <summary>Every kind, in a stable order (the order preferences are listed in).</summary>
    public static readonly IReadOnlyList<string> Ordered =
    [
        RegistrationConfirmed, RegistrationWaitlisted, RegistrationPromoted, RegistrationCancelled,
        EventRescheduled, EventCancelled, EventReminder,
        CertificateIssued,
        PointsApproved, PointsRejected, PointsOverridden,
        BookingApproved, BookingRejected, BookingAutoRejected,
        ClubMembership, ClubUpdated,
        MentorAssigned, AccountUpdated,
        PasswordChanged, PasswordReset, AccountLocked,
    ];

    public static readonly IReadOnlySet<string> All = new HashSet<string>(Ordered, StringComparer.Ordinal);
}
