namespace CertifyTrack.Modules.Events.Domain;

/// <summary>A row of <c>api_eventattendance</c>: one per (event, student), present or absent.</summary>
internal sealed class EventAttendance
{
    public long Id { get; set; }

    public long EventId { get; set; }

    /// <summary>An <c>api_student</c> id.</summary>
    public long StudentId { get; set; }

    public DateTime MarkedAt { get; set; }

    /// <summary>The <c>auth_user</c> id of who marked it (null when unknown).</summary>
    public long? MarkedById { get; set; }

    /// <summary>The seed's <c>is_present</c>.</summary>
    public bool IsPresent { get; set; } = true;
}
