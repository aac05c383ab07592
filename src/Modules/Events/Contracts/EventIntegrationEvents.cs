using CertifyTrack.Shared.Events;

namespace CertifyTrack.Modules.Events.Contracts;

/// <summary>
/// An event ended (<c>completeEvent</c>): Certificates issues certificates, Aicte awards points,
/// Venues releases the hall. Attendees are not listed here: attendance may still change for 24 h
/// after completion (AttendanceConfirmed/AttendanceRevoked carry those changes).
/// Dates and times are the institution's local ones; the UTC instants beside them.
/// </summary>
[IntegrationEvent("events.event-completed", 1)]
public sealed record EventCompleted(
    long EventId,
    long ClubId,
    string Name,
    DateOnly EventDate,
    TimeOnly StartTime,
    TimeOnly? EndTime,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    long? AicteCategoryId,
    int? PointsAwarded,
    int? ActivityHours,
    DateTime CompletedAtUtc) : IDurableIntegrationEvent
{
    public string? OrderingKey => $"event:{EventId}";
}

/// <summary>An event was cancelled (from draft, scheduled or ongoing): Venues cancels its bookings.</summary>
[IntegrationEvent("events.event-cancelled", 1)]
public sealed record EventCancelled(
    long EventId,
    long ClubId,
    string Name,
    DateOnly EventDate,
    TimeOnly StartTime,
    TimeOnly? EndTime,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string Reason,
    DateTime CancelledAtUtc) : IDurableIntegrationEvent
{
    public string? OrderingKey => $"event:{EventId}";
}
