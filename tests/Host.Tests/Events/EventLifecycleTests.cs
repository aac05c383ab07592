using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>The event lifecycle of DOMAIN.md through <c>/graphql</c>: each transition, its guard, permission and audit.</summary>
public sealed class EventLifecycleTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_goes_from_draft_to_completed_and_then_never_changes(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider);
        var c = world.Clubs;
        var created = await world.CreateAsync(c.President, c.ClubId, date: "2026-06-01", start: "16:00:00", end: "18:00:00", max: 30);
        Assert.Empty(created.UserErrorCodes("createEvent"));
        Assert.Equal("DRAFT", created.Field("createEvent")!["event"]!["status"]!.GetValue<string>());
        var id = EventWorld.Id(created, "createEvent");

        Assert.Empty((await world.TransitionAsync(c.Secretary, "scheduleEvent", id)).UserErrorCodes("scheduleEvent"));
        // 14:30 local; the event starts at 16:00: too early (more than 1 h before), then allowed from 15:00.
        Assert.Equal(["TOO_EARLY_TO_START"], (await world.TransitionAsync(c.President, "startEvent", id)).UserErrorCodes("startEvent"));
        Assert.Equal(["INVALID_TRANSITION"], (await world.TransitionAsync(c.President, "completeEvent", id)).UserErrorCodes("completeEvent"));
        c.App.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(["NOT_ALLOWED"], (await world.TransitionAsync(c.Secretary, "startEvent", id)).UserErrorCodes("startEvent")); // no START_EVENTS
        var started = await world.TransitionAsync(c.CoordinatorRole, "startEvent", id);
        Assert.Equal("ONGOING", started.Field("startEvent")!["event"]!["status"]!.GetValue<string>());
        var completed = await world.TransitionAsync(c.President, "completeEvent", id);
        Assert.Equal("COMPLETED", completed.Field("completeEvent")!["event"]!["status"]!.GetValue<string>());

        Assert.Equal(["EVENT_IMMUTABLE"], (await world.AsAsync(c.President, """
            mutation($id: ID!) { updateEvent(input: { eventId: $id, name: "Renamed" }) { userErrors { code } } }
            """, new { id })).UserErrorCodes("updateEvent"));
        Assert.Equal(["INVALID_TRANSITION"], (await world.AsAsync(c.President, """
            mutation($id: ID!) { cancelEvent(input: { eventId: $id, reason: "late" }) { userErrors { code } } }
            """, new { id })).UserErrorCodes("cancelEvent"));
        var audit = await c.AsAsync(c.Admin, "{ auditLog(first: 50, where: { entityType: { eq: \"Event\" } }) { nodes { action entityId } } }");
        Assert.Equal(["event.completed", "event.created", "event.ongoing", "event.scheduled"],
            audit.Field("auditLog")!["nodes"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()).Order().ToArray());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_fields_and_outsiders_are_refused_with_codes_and_nothing_changes(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider);
        var c = world.Clubs;

        Assert.Equal(["EVENT_DATE_IN_PAST"], (await world.CreateAsync(c.President, c.ClubId, date: "2026-05-31")).UserErrorCodes("createEvent"));
        Assert.Equal(["END_BEFORE_START"], (await world.CreateAsync(c.President, c.ClubId, start: "12:00:00", end: "11:00:00")).UserErrorCodes("createEvent"));
        Assert.Equal(["EVENT_NAME_REQUIRED"], (await world.CreateAsync(c.President, c.ClubId, new { name = "  " })).UserErrorCodes("createEvent"));
        Assert.Equal(["INVALID_NUMBER"], (await world.CreateAsync(c.President, c.ClubId, max: 0)).UserErrorCodes("createEvent"));
        Assert.Equal(["NOT_ALLOWED"], (await world.CreateAsync(c.Member, c.ClubId)).UserErrorCodes("createEvent"));
        Assert.Equal(["NOT_ALLOWED"], (await world.CreateAsync(c.Outsider, c.ClubId)).UserErrorCodes("createEvent"));
        Assert.Equal(["NOT_ALLOWED"], (await world.CreateAsync(world.ChessPresident, c.ClubId)).UserErrorCodes("createEvent"));
        Assert.Equal(["CLUB_INACTIVE"], (await world.CreateAsync(c.Admin, c.DeactivatedClubId)).UserErrorCodes("createEvent"));

        var robotics = await world.ScheduledAsync();
        // The president of Chess cannot act on Robotics' event.
        Assert.Equal(["NOT_ALLOWED"], (await world.TransitionAsync(world.ChessPresident, "startEvent", robotics)).UserErrorCodes("startEvent"));
        Assert.Equal(["NOT_ALLOWED"], (await world.AsAsync(world.ChessPresident, """
            mutation($id: ID!) { updateEvent(input: { eventId: $id, name: "Mine now" }) { userErrors { code } } }
            """, new { id = robotics })).UserErrorCodes("updateEvent"));
        Assert.Equal(["REASON_REQUIRED"], (await world.AsAsync(c.President, """
            mutation($id: ID!) { cancelEvent(input: { eventId: $id, reason: " " }) { userErrors { code field } } }
            """, new { id = robotics })).UserErrorCodes("cancelEvent"));
        var e = await world.AsAsync(c.Member, "query($id: ID!) { node(id: $id) { ... on Event { name status } } }", new { id = robotics });
        Assert.Equal("Robot workshop", e.Field("node")!["name"]!.GetValue<string>());
        Assert.Equal("SCHEDULED", e.Field("node")!["status"]!.GetValue<string>());
        var count = await world.AsAsync(c.Admin, "{ events { totalCount } }");
        Assert.Equal(1, count.Field("events")!["totalCount"]!.GetValue<int>());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_organizers_editing_the_same_version_the_second_gets_an_edit_conflict(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider);
        var c = world.Clubs;
        var id = EventWorld.Id(await world.CreateAsync(c.President, c.ClubId), "createEvent");
        const string Edit = "mutation($input: UpdateEventInput!) { updateEvent(input: $input) { event { name version } userErrors { code field } } }";

        var first = await world.AsAsync(c.President, Edit, new { input = new { eventId = id, name = "First", expectedVersion = 0 } });
        var second = await world.AsAsync(c.Secretary, Edit, new { input = new { eventId = id, name = "Second", expectedVersion = 0 } });

        Assert.Equal(1, first.Field("updateEvent")!["event"]!["version"]!.GetValue<int>());
        Assert.Equal(["EDIT_CONFLICT"], second.UserErrorCodes("updateEvent"));
        var now = await world.AsAsync(c.President, "query($id: ID!) { node(id: $id) { ... on Event { name version } } }", new { id });
        Assert.Equal("First", now.Field("node")!["name"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_venue_requiring_event_cannot_be_scheduled_without_a_booking_and_drafts_are_hidden(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider);
        var c = world.Clubs;
        var id = EventWorld.Id(await world.CreateAsync(c.President, c.ClubId, new { venueRequired = true }), "createEvent");

        Assert.Equal(["VENUE_BOOKING_REQUIRED"], (await world.TransitionAsync(c.President, "scheduleEvent", id)).UserErrorCodes("scheduleEvent"));

        // A draft: its creator and admins load it; a plain member does not; the club's organizers list it in Club.events.
        var member = await world.AsAsync(c.Member, "query($id: ID!) { node(id: $id) { id } events { totalCount } }", new { id });
        Assert.Null(member.Field("node"));
        Assert.Equal(0, member.Field("events")!["totalCount"]!.GetValue<int>());
        const string ClubEvents = "query($id: ID!) { node(id: $id) { ... on Club { events { nodes { id status } } } } }";
        Assert.Single((await world.AsAsync(c.Secretary, ClubEvents, new { id = c.ClubId })).Field("node")!["events"]!["nodes"]!.AsArray());
        Assert.Empty((await world.AsAsync(c.Member, ClubEvents, new { id = c.ClubId })).Field("node")!["events"]!["nodes"]!.AsArray());

        var deleted = await world.AsAsync(c.President, "mutation($id: ID!) { deleteEvent(input: { eventId: $id }) { deletedEventId userErrors { code } } }", new { id });
        Assert.Empty(deleted.UserErrorCodes("deleteEvent"));
        Assert.Null((await world.AsAsync(c.Admin, "query($id: ID!) { node(id: $id) { id } }", new { id })).Field("node"));
    }

    [Fact]
    public async Task Times_are_the_institution_local_time_of_the_configured_zone()
    {
        // 09:00 UTC is 05:00 in New York (EDT, UTC-4): an event at 07:00 local is still in the future there, but
        // one at 04:00 local is past, though 04:00 would be in the future in UTC.
        await using var world = await EventWorld.StartAsync("sqlite", settings: new Dictionary<string, string?> { ["Institution:TimeZone"] = "America/New_York" });
        var c = world.Clubs;

        Assert.Empty((await world.CreateAsync(c.President, c.ClubId, date: "2026-06-01", start: "07:00:00", end: "08:00:00")).UserErrorCodes("createEvent"));
        Assert.Equal(["EVENT_DATE_IN_PAST"], (await world.CreateAsync(c.President, c.ClubId, date: "2026-06-01", start: "04:00:00", end: "04:30:00")).UserErrorCodes("createEvent"));
        var startsAt = await world.AsAsync(c.Admin, "{ events { nodes { startsAt } } }");
        Assert.Equal("2026-06-01T11:00:00Z", startsAt.Field("events")!["nodes"]![0]!["startsAt"]!.GetValue<string>());
    }
}
