using CertifyTrack.Host.Tests.Clubs;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Events.Domain;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>Who may mark attendance and when: MARK_ATTENDANCE in the event's own club (Clubs answers), while the event is open.</summary>
public sealed class AttendanceSecurityTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_clubs_markers_its_coordinator_and_admins_mark_its_events(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        var clubs = world.Clubs;
        Task<GraphQLResponse> MarkAsync(Person who, string eventId, Person student) => world.AsAsync(who, AttendanceMarkingTests.Mark,
            new { input = new { eventId, entries = new[] { new { studentId = student.StudentId, present = true } } } });

        // Students without the permission, the attendee themself, a treasurer (no MARK_ATTENDANCE), the other club's coordinator.
        foreach (var refused in new[] { clubs.Member, clubs.Outsider, world.Attendees[0], clubs.Treasurer, clubs.Removed, clubs.OtherMentor })
        {
            var answer = await MarkAsync(refused, world.EventId, world.Attendees[0]);
            Assert.Equal(["FORBIDDEN input.eventId"], answer.Body.UserErrorPaths("markAttendance"));
        }

        // Robotics' own markers may not mark Chess's event.
        Assert.Equal(["FORBIDDEN input.eventId"], (await MarkAsync(clubs.Secretary, world.ChessEventId, world.Attendees[0])).Body.UserErrorPaths("markAttendance"));
        Assert.Equal(["FORBIDDEN input.eventId"], (await MarkAsync(clubs.Coordinator, world.ChessEventId, world.Attendees[0])).Body.UserErrorPaths("markAttendance"));
        Assert.Empty(await world.AttendanceRowsAsync());

        foreach (var (allowed, student) in new[] { (clubs.Secretary, world.Attendees[0]), (clubs.CoordinatorRole, world.Attendees[1]), (clubs.Coordinator, world.Attendees[2]), (clubs.Admin, world.Attendees[3]) })
        {
            Assert.Empty((await MarkAsync(allowed, world.EventId, student)).UserErrors("markAttendance"));
        }

        Assert.Equal(4, await world.AttendedCountAsync());
        var anonymous = await clubs.AnonymousAsync(AttendanceMarkingTests.Mark, new { input = new { eventId = world.EventId, entries = Array.Empty<object>() } });
        Assert.Contains(anonymous.ErrorCodes, c => c is "UNAUTHENTICATED" or "FORBIDDEN");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Attendance_is_open_while_ongoing_and_for_24_hours_after_completion(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        Task<GraphQLResponse> MarkAsync(int attendee) => world.AsAsync(world.Clubs.Secretary, AttendanceMarkingTests.Mark,
            new { input = new { eventId = world.EventId, entries = new[] { new { studentId = world.Attendees[attendee].StudentId, present = true } } } });

        await world.SetStatusAsync(EventStatus.Scheduled);
        var scheduled = await MarkAsync(0);
        await world.SetStatusAsync(EventStatus.Completed, completedAgo: TimeSpan.FromHours(23));
        var within = await MarkAsync(1);
        world.Clubs.App.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var after = await MarkAsync(2);
        await world.SetStatusAsync(EventStatus.Cancelled);
        var cancelled = await MarkAsync(3);

        Assert.Equal(["ATTENDANCE_WINDOW_CLOSED input.eventId"], scheduled.Body.UserErrorPaths("markAttendance"));
        Assert.Empty(within.UserErrors("markAttendance"));
        Assert.Equal(["ATTENDANCE_WINDOW_CLOSED input.eventId"], after.Body.UserErrorPaths("markAttendance"));
        Assert.Equal(["ATTENDANCE_WINDOW_CLOSED input.eventId"], cancelled.Body.UserErrorPaths("markAttendance"));
        Assert.Equal([world.Attendees[1].ProfileId!.Value], (await world.AttendanceRowsAsync()).Select(r => r.StudentId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_event_ids_are_user_errors(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        foreach (var (eventId, expected) in new[] { ("garbage", "INVALID_ID input.eventId"), (world.Clubs.ClubId, "INVALID_ID input.eventId"), (CertifyTrack.Shared.GraphQL.Relay.GlobalId.Encode("Event", 999_999), "NOT_FOUND input.eventId") })
        {
            var answer = await world.AsAsync(world.Clubs.Secretary, AttendanceMarkingTests.Mark, new { input = new { eventId, entries = Array.Empty<object>() } });
            Assert.Equal([expected], answer.Body.UserErrorPaths("markAttendance"));
        }
    }
}
