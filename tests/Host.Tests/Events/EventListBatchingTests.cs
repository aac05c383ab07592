using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>
/// <c>Event.myRegistration</c> and <c>EventRegistration.waitlistPosition</c> in lists, through <c>/graphql</c>: a
/// constant number of statements on <c>api_eventregistration</c> however many events or registrations the
/// page holds, and positions 1..n among the waitlisted after cancels and promotions.
/// </summary>
public sealed class EventListBatchingTests
{
    private const string Table = "api_eventregistration";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_events_with_my_registration_and_waitlist_position_take_two_statements_with_positions_right(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider, configureServices: RequestSqlLog.AddTo);
        var sql = world.Clubs.App.App.Services.GetRequiredService<RequestSqlLog>();
        var me = (await world.Clubs.StudentsAsync("me", 1))[0];
        var others = await world.Clubs.StudentsAsync("other", 13);

        // One seat and a waitlist of five; a waitlisted student cancels, then the seated one (the first waitlisted is promoted).
        var crowded = await world.ScheduledAsync(max: 1);
        foreach (var s in others.Take(5).Append(me))
        {
            await world.RegisterAsync(s, crowded);
        }

        await world.CancelRegistrationAsync(others[2], crowded);
        await world.CancelRegistrationAsync(others[0], crowded);

        // Eight one-seat events: I take the seat of every other one and wait behind someone at the rest; eleven without me.
        var expected = new Dictionary<string, (string? Status, int? Position)> { [crowded] = ("WAITLISTED", 3) };
        for (var k = 0; k < 8; k++)
        {
            var id = await world.ScheduledAsync(max: 1);
            if (k % 2 == 1)
            {
                await world.RegisterAsync(others[5 + k], id);
            }

            Assert.Empty((await world.RegisterAsync(me, id)).UserErrorCodes("registerForEvent"));
            expected[id] = k % 2 == 0 ? ("REGISTERED", null) : ("WAITLISTED", 1);
        }

        for (var k = 0; k < 11; k++)
        {
            expected[await world.ScheduledAsync()] = (null, null);
        }

        const string Mine = "query($first: Int!) { events(first: $first) { nodes { id myRegistration { status waitlistPosition } } } }";
        sql.Clear();
        var two = await world.AsAsync(me, Mine, new { first = 2 });
        var fewStatements = sql.CountOn(Table);
        sql.Clear();
        var twenty = await world.AsAsync(me, Mine, new { first = 20 });
        var manyStatements = sql.CountOn(Table);

        Assert.Empty(two.ErrorCodes);
        var seen = twenty.Field("events")!["nodes"]!.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => StatusAndPosition(n!["myRegistration"]));
        Assert.Equal(expected.OrderBy(p => p.Key), seen.OrderBy(p => p.Key));
        Assert.Equal(2, manyStatements); // the caller's registrations, then the positions of the waitlisted ones
        Assert.True(fewStatements <= manyStatements, $"{fewStatements} statements for 2 events");

        // An organizer's list of one event's registrations: one statement for all positions, 1..n in waitlist order.
        const string List = "query($id: ID!) { node(id: $id) { ... on Event { registrations(first: 10) { nodes { status waitlistPosition } } } } }";
        sql.Clear();
        var listed = await world.AsAsync(world.Clubs.Secretary, List, new { id = crowded });
        Assert.Equal(
            [("CANCELLED", null), ("REGISTERED", null), ("CANCELLED", null), ("WAITLISTED", 1), ("WAITLISTED", 2), ("WAITLISTED", (int?)3)],
            listed.Field("node")!["registrations"]!["nodes"]!.AsArray().Select(StatusAndPosition));
        Assert.Equal(2, sql.CountOn(Table)); // the page, then the positions
    }

    private static (string? Status, int? Position) StatusAndPosition(JsonNode? registration) =>
        (registration?["status"]?.GetValue<string>(), registration?["waitlistPosition"] is { } p ? p.GetValue<int>() : null);
}
