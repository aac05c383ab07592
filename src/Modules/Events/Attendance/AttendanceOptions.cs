namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>Settings under <c>Events:Attendance</c>.</summary>
internal sealed class AttendanceOptions
{
    public const string Section = "Events:Attendance";

    /// <summary>How long after completion attendance may still be corrected (DOMAIN.md: 24 h).</summary>
    public TimeSpan WindowAfterCompletion { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Wrong check-in codes one organizer may scan per <see cref="WrongCheckInCodeWindow"/> before checkIn refuses them.</summary>
    public int WrongCheckInCodes { get; set; } = 10;

    public TimeSpan WrongCheckInCodeWindow { get; set; } = TimeSpan.FromMinutes(15);
}
