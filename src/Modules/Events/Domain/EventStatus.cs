namespace CertifyTrack.Modules.Events.Domain;

/// <summary>An event's place in its lifecycle (<c>api_event.status</c>, stored lower-case as the seed does).</summary>
internal enum EventStatus
{
    Draft,
    Scheduled,
    Ongoing,
    Completed,
    Cancelled,
}

/// <summary>A registration's state (<c>api_eventregistration.status</c>, stored upper-case as the seed does).</summary>
internal enum RegistrationStatus
{
    Registered,
    Waitlisted,
    Attended,
    Cancelled,
    NoShow,
}
