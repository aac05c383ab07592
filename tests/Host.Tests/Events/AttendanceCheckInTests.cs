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
