using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>Registration, the waitlist, cancellation and who sees registrations, through <c>/graphql</c>.</summary>
public sealed class EventRegistrationTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_full_event_waitlists_and_a_cancel_promotes_the_first_waitlisted(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider);
        var id = await world.ScheduledAsync(max: 2);
        var students = await world.Clubs.StudentsAsync("reg", 5);

        var answers = new List<GraphQLResponse>();
        foreach (var s in students)
        {
            answers.Add(await world.RegisterAsync(s, id));
        }

        Assert.Equal(["REGISTERED", "REGISTERED", "WAITLISTED", "WAITLISTED", "WAITLISTED"],
            answers.Select(a => a.Field("registerForEvent")!["registration"]!["status"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3], answers.Skip(2).Select(a => a.Field("registerForEvent")!["registration"]!["waitlistPosition"]!.GetValue<int>()));
        Assert.Equal(26, answers[0].Field("registerForEvent")!["registration"]!["checkInCode"]!.GetValue<string>().Length);
        Assert.Equal(["ALREADY_REGISTERED"], (await world.RegisterAsync(students[0], id)).UserErrorCodes("registerForEvent"));

        var cancelled = await world.CancelRegistrationAsync(students[1], id);
        Assert.Equal("CANCELLED", cancelled.Field("cancelRegistration")!["registration"]!["status"]!.GetValue<string>());
        Assert.Equal((2, 2, 2, 2), await world.CountsAsync(id));
        const string Mine = "query($id: ID!) { node(id: $id) { ... on Event { seatsLeft myRegistration { status waitlistPosition } } } }";
        Assert.Equal("REGISTERED", (await world.AsAsync(students[2], Mine, new { id })).Field("node")!["myRegistration"]!["status"]!.GetValue<string>());
        Assert.Equal(1, (await world.AsAsync(students[3], Mine, new { id })).Field("node")!["myRegistration"]!["waitlistPosition"]!.GetValue<int>());
        var notes = await world.AsAsync(students[2], "{ notifications(first: 10) { nodes { kind } } }");
        Assert.Contains("registration_promoted", notes.Field("notifications")!["nodes"]!.AsArray().Select(n => n!["kind"]!.GetValue<string>()));

        // Re-registering after a cancel reuses the row and joins the end of the waitlist.
        var again = await world.RegisterAsync(students[1], id);
        Assert.Equal(answers[1].Field("registerForEvent")!["registration"]!["id"]!.GetValue<string>(), again.Field("registerForEvent")!["registration"]!["id"]!.GetValue<string>());
        Assert.Equal(3, again.Field("registerForEvent")!["registration"]!["waitlistPosition"]!.GetValue<int>());

        // Raising the seats promotes the waitlist in order.
        var raised = await world.AsAsync(world.Clubs.President, """
            mutation($id: ID!) { updateEvent(input: { eventId: $id, maxParticipants: 4 }) { event { registeredCount waitlistedCount } userErrors { code } } }
            """, new { id });
        Assert.Equal(4, raised.Field("updateEvent")!["event"]!["registeredCount"]!.GetValue<int>());
        Assert.Equal(1, (await world.AsAsync(students[1], Mine, new { id })).Field("node")!["myRegistration"]!["waitlistPosition"]!.GetValue<int>());
        Assert.Equal(["MAX_BELOW_REGISTERED"], (await world.AsAsync(world.Clubs.President, """
            mutation($id: ID!) { updateEvent(input: { eventId: $id, maxParticipants: 3 }) { userErrors { code } } }
            """, new { id })).UserErrorCodes("updateEvent"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registration_is_refused_for_drafts_after_the_deadline_to_non_students_and_beyond_ten(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider);
        var c = world.Clubs;
        var student = (await c.StudentsAsync("solo", 1))[0];
        var draft = EventWorld.Id(await world.CreateAsync(c.President, c.ClubId), "createEvent");
        Assert.Equal(["EVENT_NOT_FOUND"], (await world.RegisterAsync(student, draft)).UserErrorCodes("registerForEvent"));
        var soon = await world.ScheduledAsync(date: "2026-06-01", start: "16:00:00"); // deadline 14:00 local, now 14:30
        Assert.Equal(["REGISTRATION_CLOSED"], (await world.RegisterAsync(student, soon)).UserErrorCodes("registerForEvent"));
        var open = await world.ScheduledAsync();
        Assert.Equal("FORBIDDEN", (await world.RegisterAsync(c.Coordinator, open)).ErrorCodes.Single());

        var events = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            events.Add(await world.ScheduledAsync(date: $"2026-06-{12 + i}"));
        }

        var answers = new List<string[]>();
        foreach (var e in events)
        {
            answers.Add((await world.RegisterAsync(student, e)).UserErrorCodes("registerForEvent"));
        }

        Assert.All(answers.Take(10), Assert.Empty);
        Assert.Equal(["TOO_MANY_REGISTRATIONS"], answers[10]);
        Assert.Empty((await world.CancelRegistrationAsync(student, events[0])).UserErrorCodes("cancelRegistration"));
        Assert.Empty((await world.RegisterAsync(student, events[10])).UserErrorCodes("registerForEvent"));
        Assert.Equal((1, 0, 1, 0), await world.CountsAsync(events[10]));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registrations_and_check_in_codes_are_shown_only_to_whom_they_belong(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider);
        var c = world.Clubs;
        var id = await world.ScheduledAsync();
        var (alice, bob) = ((await c.StudentsAsync("alice", 1))[0], (await c.StudentsAsync("bob", 1))[0]);
        var registration = EventWorld.Id(await world.RegisterAsync(alice, id), "registerForEvent", "registration");
        await world.RegisterAsync(bob, id);
        const string Node = "query($id: ID!) { node(id: $id) { ... on EventRegistration { status checkInCode checkInQrSvg } } }";

        var own = await world.AsAsync(alice, Node, new { id = registration });
        Assert.StartsWith("<svg", own.Field("node")!["checkInQrSvg"]!.GetValue<string>().TrimStart(), StringComparison.Ordinal);
        Assert.Null((await world.AsAsync(bob, Node, new { id = registration })).Field("node"));
        var admin = await world.AsAsync(c.Admin, Node, new { id = registration });
        Assert.Equal("REGISTERED", admin.Field("node")!["status"]!.GetValue<string>());
        Assert.Null(admin.Field("node")!["checkInCode"]);

        const string List = "query($id: ID!) { node(id: $id) { ... on Event { registrations { totalCount nodes { studentName checkInCode } } } } }";
        var secretary = await world.AsAsync(c.Secretary, List, new { id }); // MARK_ATTENDANCE and VIEW_REPORTS
        Assert.Equal(2, secretary.Field("node")!["registrations"]!["totalCount"]!.GetValue<int>());
        Assert.All(secretary.Field("node")!["registrations"]!["nodes"]!.AsArray(), n => Assert.Null(n!["checkInCode"]));
        foreach (var who in new[] { c.Member, bob, world.ChessPresident })
        {
            var refused = await world.AsAsync(who, List, new { id });
            Assert.Null(refused.Field("node")!["registrations"]);
            Assert.Equal(["FORBIDDEN"], refused.ErrorCodes);
        }

        const string Student = "query($id: ID!) { node(id: $id) { ... on Student { registrations { totalCount } } } }";
        Assert.Equal(1, (await world.AsAsync(alice, Student, new { id = alice.StudentId })).Field("node")!["registrations"]!["totalCount"]!.GetValue<int>());
        Assert.Null((await world.AsAsync(bob, Student, new { id = alice.StudentId })).Field("node"));
    }
}
