using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Events.Domain;

/// <summary>
/// A row of <c>api_event</c>. Date and times are the institution's local time (Institution:TimeZone);
/// <see cref="StartsAt"/>/<see cref="EndsAt"/> are the same instants in UTC, kept by
/// <see cref="EventClock"/> whenever the date or times change, so deadlines and sweeps compare in SQL.
/// The seat counters are only ever changed by conditional SQL updates (Registration/SeatCounter).
/// </summary>
internal sealed class Event : INode
{
    public static string TypeName => "Event";

    public const int NameMaxLength = 200;

    public const int DescriptionMaxLength = 5000;

    public const int CancelReasonMaxLength = 500;

    public long Id { get; set; }

    /// <summary>An <c>api_club</c> id (Clubs' table, a foreign-key target only).</summary>
    public long ClubId { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public DateOnly EventDate { get; set; }

    public TimeOnly StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }

    /// <summary>Null: no limit.</summary>
    public int? MaxParticipants { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Draft;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The <c>auth_user</c> id of the organizer who created it.</summary>
    public long? CreatedById { get; set; }

    /// <summary>The start in UTC (from <see cref="EventDate"/> and <see cref="StartTime"/> in the institution's zone).</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>The end in UTC.</summary>
    public DateTime EndsAt { get; set; }

    /// <summary>Per-event override of the registration deadline (UTC); null: the configured lead before the start.</summary>
    public DateTime? RegistrationDeadline { get; set; }

    public bool VenueRequired { get; set; }

    public int? ActivityHours { get; set; }

    /// <summary>An AICTE category id (the Aicte module's; checked there when points are awarded).</summary>
    public long? AicteCategoryId { get; set; }

    /// <summary>AICTE points per attendee.</summary>
    public int? PointsAwarded { get; set; }

    /// <summary>Seats taken (REGISTERED, later ATTENDED/NO_SHOW); never above <see cref="MaxParticipants"/> (a check constraint).</summary>
    public int RegisteredCount { get; set; }

    /// <summary>Rows WAITLISTED now.</summary>
    public int WaitlistedCount { get; set; }

    /// <summary>The last waitlist sequence handed out; incremented atomically with <see cref="WaitlistedCount"/>.</summary>
    public long WaitlistSequence { get; set; }

    /// <summary>Students marked present (kept by attendance).</summary>
    public int AttendedCount { get; set; }

    /// <summary>Optimistic concurrency token: every organizer edit or transition increments it (EF concurrency token).</summary>
    public int Version { get; set; }

    public string? CancelReason { get; set; }

    public DateTime? ScheduledAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>Seats left, or null when unlimited.</summary>
    public int? SeatsLeft => MaxParticipants is { } max ? Math.Max(0, max - RegisteredCount) : null;

    public bool IsFinal => Status is EventStatus.Completed or EventStatus.Cancelled;
}
