using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Events.Domain;

/// <summary>
/// A row of <c>api_eventregistration</c>: one per (event, student). Cancelling keeps the row;
/// registering again reuses it (with a new waitlist sequence or seat).
/// </summary>
internal sealed class EventRegistration : INode
{
    public static string TypeName => "EventRegistration";

    /// <summary>128 random bits in base32 (RFC 4648 alphabet, no padding).</summary>
    public const int CheckInCodeLength = 26;

    public long Id { get; set; }

    public long EventId { get; set; }

    /// <summary>An <c>api_student</c> id.</summary>
    public long StudentId { get; set; }

    /// <summary>The student's <c>auth_user</c> id (a profile's user never changes): policies match the caller in SQL.</summary>
    public long UserId { get; set; }

    /// <summary>When the student registered last (a re-registration resets it).</summary>
    public DateTime RegistrationDate { get; set; }

    public RegistrationStatus Status { get; set; } = RegistrationStatus.Registered;

    /// <summary>The event's waitlist sequence when WAITLISTED (the position is the rank among waitlisted rows).</summary>
    public long? WaitlistSequence { get; set; }

    /// <summary>The secret a student shows (as a QR code) to be checked in; unique, generated at registration.</summary>
    public string CheckInCode { get; set; } = "";

    public DateTime? PromotedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    public DateTime? CheckedInAt { get; set; }

    /// <summary>When the 24 h reminder was sent (once per registration).</summary>
    public DateTime? ReminderSentAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool IsActive => Status is RegistrationStatus.Registered or RegistrationStatus.Waitlisted;
}
