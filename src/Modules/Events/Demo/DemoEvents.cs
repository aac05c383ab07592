using CertifyTrack.Modules.Events.Domain;

namespace CertifyTrack.Modules.Events.Demo;

/// <summary>
/// The demo events: six per demo club of the Clubs seeder (same names and departments), one in each state
/// plus a small full one with a waitlist. Students are numbers of <c>dept.studentNN</c> (01–04 members,
/// 05–08 office bearers, 09–10 outside the club); days are counted from today in the institution's zone.
/// </summary>
internal static class DemoEvents
{
    public static readonly DemoClub[] Clubs =
    [
        new("CSE", "Coding Club", ["Git and GitHub orientation", "Competitive programming workshop", "System design masterclass", "Open-source sprint", "24-hour hackathon", "Data centre visit"]),
        new("ECE", "Robotics and Embedded Systems Club", ["Soldering basics", "Line follower workshop", "Drone flight masterclass", "Arduino build night", "Robo race", "Space exhibition visit"]),
        new("ME", "Motorsports Club", ["Go-kart design review", "CAD modelling workshop", "Engine tuning masterclass", "Chassis welding session", "Karting time trials", "Formula Student team trip"]),
        new("CIVIL", "Green Building Club", ["Surveying camp briefing", "Green building workshop", "Structural analysis masterclass", "Campus energy audit", "Bridge model contest", "Heritage walk"]),
    ];

    /// <summary>The plan of the six events, in the order of <see cref="DemoClub.EventNames"/>.</summary>
    public static readonly DemoEventPlan[] Plans =
    [
        new(EventStatus.Draft, 30, new(10, 0), new(12, 0), 40, [], [], []),
        new(EventStatus.Scheduled, 14, new(10, 0), new(13, 0), 30, [1, 2, 3, 9, 10], [], []),
        new(EventStatus.Scheduled, 7, new(14, 0), new(16, 0), 3, [1, 2, 3], [4, 9, 10], []),
        new(EventStatus.Ongoing, 0, null, null, 25, [1, 2, 3, 4, 5], [], []),
        new(EventStatus.Completed, -7, new(9, 0), new(17, 0), 20, [1, 2, 3, 4, 5, 6], [], [1, 2, 3, 4]),
        new(EventStatus.Cancelled, 10, new(9, 30), new(16, 30), 30, [], [], []),
    ];

    public const string CancelReason = "The host withdrew; the club will announce a new date.";
}

internal sealed record DemoClub(string Department, string Name, string[] EventNames);

/// <param name="Start">Null: the current hour (the ongoing event runs now).</param>
/// <param name="Present">Of <paramref name="Registered"/>, who attended (the completed event); the rest were absent.</param>
internal sealed record DemoEventPlan(EventStatus Status, int Day, TimeOnly? Start, TimeOnly? End, int Seats, int[] Registered, int[] Waitlisted, int[] Present);
