using CertifyTrack.Shared.Events;

namespace CertifyTrack.Modules.Events.Contracts;

/// <summary>
/// After an event was completed, an organizer marked a student present who had ended NO_SHOW: Certificates
/// may issue their certificate, Aicte may award the event's points (category, points and hours as they are
/// now; null when the event awards none). Ordered with the event's other messages (key <c>event:{id}</c>).
/// </summary>
[IntegrationEvent("events.attendance-confirmed", 1)]
public sealed record AttendanceConfirmed(
    long EventId,
    long ClubId,
    long StudentId,
    long StudentUserId,
    long? AicteCategoryId,
    int? PointsAwarded,
    int? ActivityHours,
    DateTime ChangedAtUtc) : IDurableIntegrationEvent
{
    public string? OrderingKey => $"event:{EventId}";
}

/// <summary>
/// After an event was completed, an organizer marked an ATTENDED student absent: Certificates withdraws
/// the not-yet-issued certificate, Aicte the pending points (DOMAIN.md, "Attendance").
/// </summary>
[IntegrationEvent("events.attendance-revoked", 1)]
public sealed record AttendanceRevoked(
    long EventId,
    long ClubId,
    long StudentId,
    long StudentUserId,
    long? AicteCategoryId,
    int? PointsAwarded,
    int? ActivityHours,
    DateTime ChangedAtUtc) : IDurableIntegrationEvent
{
    public string? OrderingKey => $"event:{EventId}";
}
