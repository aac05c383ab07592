namespace CertifyTrack.Modules.Events.Domain;

/// <summary>
/// A row of <c>api_eventstudentload</c>: how many active (REGISTERED or WAITLISTED, of events not
/// yet completed or cancelled) registrations a student holds. Changed only by a conditional upsert
/// (<c>… DO UPDATE SET active_count = active_count + 1 WHERE active_count &lt; 10</c>), so concurrent
/// registrations of one student cannot pass the cap.
/// </summary>
internal sealed class StudentRegistrationLoad
{
    public const int MaxActiveRegistrations = 10;

    /// <summary>An <c>api_student</c> id (the key).</summary>
    public long StudentId { get; set; }

    public int ActiveCount { get; set; }
}
