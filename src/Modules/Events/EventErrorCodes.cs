using CertifyTrack.Shared.GraphQL.Errors;

namespace CertifyTrack.Modules.Events;

/// <summary>Every <c>userErrors</c> code the Events module answers (besides the platform's INVALID_ID and FORBIDDEN).</summary>
[ErrorCodeCatalog]
internal static class EventErrorCodes
{
    public const string EventNotFound = "EVENT_NOT_FOUND";
    public const string ClubNotFound = "CLUB_NOT_FOUND";
    public const string ClubInactive = "CLUB_INACTIVE";
    public const string NotAllowed = "NOT_ALLOWED";
    public const string NameRequired = "EVENT_NAME_REQUIRED";
    public const string NameTooLong = "EVENT_NAME_TOO_LONG";
    public const string DescriptionTooLong = "DESCRIPTION_TOO_LONG";
    public const string DateInPast = "EVENT_DATE_IN_PAST";
    public const string EndBeforeStart = "END_BEFORE_START";
    public const string InvalidNumber = "INVALID_NUMBER";
    public const string DeadlineAfterStart = "DEADLINE_AFTER_START";
    public const string InvalidTransition = "INVALID_TRANSITION";
    public const string EventImmutable = "EVENT_IMMUTABLE";
    public const string EditConflict = "EDIT_CONFLICT";
    public const string TooEarlyToStart = "TOO_EARLY_TO_START";
    public const string VenueRequired = "VENUE_BOOKING_REQUIRED";
    public const string BookingHeld = "EVENT_HOLDS_BOOKING";
    public const string BelowRegistered = "MAX_BELOW_REGISTERED";
    public const string ReasonRequired = "REASON_REQUIRED";
    public const string ReasonTooLong = "REASON_TOO_LONG";
    public const string HasRegistrations = "EVENT_HAS_REGISTRATIONS";
    public const string NotAStudent = "NOT_A_STUDENT";
    public const string RegistrationClosed = "REGISTRATION_CLOSED";
    public const string AlreadyRegistered = "ALREADY_REGISTERED";
    public const string TooManyRegistrations = "TOO_MANY_REGISTRATIONS";
    public const string NotRegistered = "NOT_REGISTERED";
    public const string EventStarted = "EVENT_STARTED";
}
