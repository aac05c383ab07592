using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Events.Domain;

namespace CertifyTrack.Host.Tests.Events;

/// <summary><c>checkIn</c> through /graphql: the right code marks present once; wrong and other events' codes get one identical error and spend a budget.</summary>
public sealed class AttendanceCheckInTests
{
    private const string CheckIn = """
        mutation($input: CheckInInput!) { checkIn(input: $input) { registration { id status } userErrors { code message field } } }
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organizer_checks_a_student_in_once_and_wrong_codes_reveal_nothing(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        var student = world.Attendees[1];
        var code = world.Codes[student.ProfileId!.Value];
        Task<GraphQLResponse> CheckInAsync(string scanned, Clubs.Person? by = null) =>
            world.AsAsync(by ?? world.Clubs.Secretary, CheckIn, new { input = new { eventId = world.EventId, code = scanned } });

        // As typed by hand: lower case with dashes.
        var first = await CheckInAsync($"{code[..13].ToLowerInvariant()}-{code[13..]}");
        var again = await CheckInAsync(code);

        Assert.Empty(first.UserErrors("checkIn"));
        Assert.Equal("REGISTERED", first.Field("checkIn")!["registration"]!["status"]!.GetValue<string>());
        Assert.Empty(again.UserErrors("checkIn"));
        var row = Assert.Single(await world.AttendanceRowsAsync());
        Assert.Equal((student.ProfileId.Value, true, world.Clubs.Secretary.UserId), (row.StudentId, row.IsPresent, row.MarkedById!.Value));
        Assert.NotNull((await world.RegistrationsAsync()).Single(r => r.StudentId == student.ProfileId).CheckedInAt);
        Assert.Equal(1, await world.AttendedCountAsync());

        // Another event's real code, a near miss, garbage and an empty code: the same answer, nothing marked.
        var wrong = new[] { world.ChessCode, code[..25] + (code[25] == 'A' ? 'B' : 'A'), "' OR 1=1 --", "", new string('x', 10_000) };
        var answers = new List<GraphQLResponse>();
        foreach (var scanned in wrong)
        {
            answers.Add(await CheckInAsync(scanned));
        }

        Assert.All(answers, a => Assert.Equal(
            ("CHECK_IN_CODE_INVALID", "This code does not check anyone in to this event.", "input.code"),
            (a.UserErrors("checkIn").Single().Code, a.UserErrors("checkIn").Single().Message, a.UserErrors("checkIn").Single().Path)));
        Assert.All(answers, a => Assert.Null(a.Field("checkIn")!["registration"]));
        Assert.Single(await world.AttendanceRowsAsync());

        // Five more wrong codes use up the budget of ten: then even a right code is refused, for this organizer only.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(["CHECK_IN_CODE_INVALID"], (await CheckInAsync(world.ChessCode)).UserErrorCodes("checkIn"));
        }

        var other = world.Attendees[2];
        Assert.Equal(["TOO_MANY_WRONG_CHECK_IN_CODES"], (await CheckInAsync(world.Codes[other.ProfileId!.Value])).UserErrorCodes("checkIn"));
        Assert.Empty((await CheckInAsync(world.Codes[other.ProfileId.Value], world.Clubs.President)).UserErrors("checkIn"));
        Assert.Equal(2, await world.AttendedCountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Check_in_is_for_organizers_of_the_club_during_the_event(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        var code = world.Codes[world.Attendees[0].ProfileId!.Value];
        Task<GraphQLResponse> CheckInAsync(Clubs.Person by, string eventId, string scanned) => world.AsAsync(by, CheckIn, new { input = new { eventId, code = scanned } });

        Assert.Equal(["FORBIDDEN input.eventId"], (await CheckInAsync(world.Attendees[0], world.EventId, code)).Body.UserErrorPaths("checkIn"));
        Assert.Equal(["FORBIDDEN input.eventId"], (await CheckInAsync(world.Clubs.Member, world.EventId, code)).Body.UserErrorPaths("checkIn"));
        Assert.Equal(["FORBIDDEN input.eventId"], (await CheckInAsync(world.Clubs.OtherMentor, world.EventId, code)).Body.UserErrorPaths("checkIn"));
        // Robotics' secretary at Chess's door, with a code of Chess's event: refused before any code is looked at.
        Assert.Equal(["FORBIDDEN input.eventId"], (await CheckInAsync(world.Clubs.Secretary, world.ChessEventId, world.ChessCode)).Body.UserErrorPaths("checkIn"));
        await world.SetStatusAsync(EventStatus.Completed);
        Assert.Equal(["ATTENDANCE_WINDOW_CLOSED input.eventId"], (await CheckInAsync(world.Clubs.Secretary, world.EventId, code)).Body.UserErrorPaths("checkIn"));
        Assert.Empty(await world.AttendanceRowsAsync());
    }
}

/// <summary>Check-in codes and their QR images are the student's own: null for organizers, admins and other students.</summary>
public sealed class AttendanceCheckInCodeVisibilityTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_student_sees_their_check_in_code(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        var (own, other) = (world.Attendees[0], world.Attendees[1]);
        const string Mine = "query($id: ID!) { node(id: $id) { ... on Event { myRegistration { id checkInCode checkInQrSvg } } } }";
        const string All = "query($id: ID!) { node(id: $id) { ... on Event { registrations(first: 10) { nodes { id checkInCode checkInQrSvg } } } } }";

        var mine = await world.AsAsync(own, Mine, new { id = world.EventId });
        var registration = mine.Field("node")!["myRegistration"]!;
        Assert.Equal(world.Codes[own.ProfileId!.Value], registration["checkInCode"]!.GetValue<string>());
        Assert.Contains("<svg", registration["checkInQrSvg"]!.GetValue<string>(), StringComparison.Ordinal);

        // Another student: not by the node id, not through the event's list.
        var byId = await world.AsAsync(other, "query($id: ID!) { node(id: $id) { ... on EventRegistration { checkInCode } } }", new { id = registration["id"]!.GetValue<string>() });
        Assert.Null(byId.Field("node")?["checkInCode"]);
        var listed = await world.AsAsync(other, All, new { id = world.EventId });
        Assert.Null(listed.Field("node")?["registrations"]);
        Assert.Contains("FORBIDDEN", listed.ErrorCodes);

        // Organizers and admins see the registrations, never the codes; nor does checkIn's payload show it.
        foreach (var organizer in new[] { world.Clubs.Secretary, world.Clubs.Coordinator, world.Clubs.Admin })
        {
            var nodes = (await world.AsAsync(organizer, All, new { id = world.EventId })).Field("node")!["registrations"]!["nodes"]!.AsArray();
            Assert.Equal(5, nodes.Count);
            Assert.All(nodes, n => Assert.Null(n!["checkInCode"]));
            Assert.All(nodes, n => Assert.Null(n!["checkInQrSvg"]));
        }

        var checkedIn = await world.AsAsync(world.Clubs.Secretary, """
            mutation($input: CheckInInput!) { checkIn(input: $input) { registration { id checkInCode } userErrors { code } } }
            """, new { input = new { eventId = world.EventId, code = world.Codes[own.ProfileId.Value] } });
        Assert.Empty(checkedIn.UserErrors("checkIn"));
        Assert.Equal(registration["id"]!.GetValue<string>(), checkedIn.Field("checkIn")!["registration"]!["id"]!.GetValue<string>());
        Assert.Null(checkedIn.Field("checkIn")!["registration"]!["checkInCode"]);
    }
}
