using System.Text.Json.Nodes;
using CertifyTrack.Host.Events;
using CertifyTrack.Host.Tests.Clubs;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>
/// <c>eventUpdated(eventId)</c> over the WebSocket: a registration pushes the event's new seats and
/// counts to its subscribers; an event the caller may not load (another club's draft) cannot be subscribed to.
/// </summary>
public sealed class EventSubscriptionTests
{
    private const string Subscription = "subscription($id: ID!) { eventUpdated(eventId: $id) { id status seatsLeft registeredCount waitlistedCount } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registration_pushes_the_new_seats_to_the_events_subscribers(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider, kestrel: true);
        var app = world.Clubs.App;
        if (provider == "postgres")
        {
            await app.App.Services.GetRequiredService<ListenerStatus>().WaitUntilListeningAsync(1, Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
        }

        var id = await world.ScheduledAsync(max: 1);
        var (watcher, first, second) = (world.Clubs.Outsider, world.Clubs.Member, world.Clubs.Secretary);
        using var socket = await SubscribeAsync(app, watcher, id);

        Assert.Empty((await world.RegisterAsync(first, id)).UserErrorCodes("registerForEvent"));
        var seated = await socket.ReceiveAsync();
        Assert.Equal("next", seated["type"]!.GetValue<string>());
        Assert.Equal($$"""{"id":"{{id}}","status":"SCHEDULED","seatsLeft":0,"registeredCount":1,"waitlistedCount":0}""",
            WebSocketTestClient.Json(seated["payload"]!["data"]!["eventUpdated"]));

        Assert.Empty((await world.RegisterAsync(second, id)).UserErrorCodes("registerForEvent"));
        var waitlisted = await socket.ReceiveAsync();
        Assert.Equal(1, waitlisted["payload"]!["data"]!["eventUpdated"]!["waitlistedCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_draft_of_another_club_cannot_be_subscribed_to()
    {
        await using var world = await EventWorld.StartAsync("sqlite", kestrel: true);
        var created = await world.CreateAsync(world.Clubs.President, world.Clubs.ClubId);
        var draft = EventWorld.Id(created, "createEvent");
        using var socket = await WebSocketTestClient.ConnectAsync(world.Clubs.App.BaseUri!);
        await socket.InitAsync(new JsonObject { ["Authorization"] = $"Bearer {world.Clubs.Outsider.Token}" });

        await socket.SubscribeAsync("e", Subscription, new JsonObject { ["id"] = draft });

        // As graphql-ws answers a source stream that could not be created: one result with the error, then complete.
        var refused = await socket.ReceiveAsync();
        Assert.Equal("next", refused["type"]!.GetValue<string>());
        Assert.Equal("null", WebSocketTestClient.Json(refused["payload"]!["data"]));
        Assert.Equal("NOT_FOUND", refused["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("complete", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
    }

    private static async Task<WebSocketTestClient> SubscribeAsync(Users.UsersApp app, Person who, string eventId)
    {
        var socket = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await socket.InitAsync(new JsonObject { ["Authorization"] = $"Bearer {who.Token}" });
        await socket.SubscribeAsync("e", Subscription, new JsonObject { ["id"] = eventId });
        var topics = app.App.Services.GetRequiredService<LocalTopics>();
        var topic = $"events.{EventWorld.Key(eventId)}.updated";
        for (var i = 0; i < 200 && topics.CountSubscribers(topic) == 0; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(1, topics.CountSubscribers(topic));
        return socket;
    }
}
