using System.Text.Json.Nodes;
using CertifyTrack.Host.Events;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>
/// <c>eventUpdated(eventId)</c> across two host instances on one PostgreSQL database: a student registers
/// through <c>/graphql</c> on host B and the subscriber on host A's WebSocket gets the new seats and counts.
/// PostgreSQL only: the bus crosses instances with <c>LISTEN/NOTIFY</c>; a SQLite host has an in-process bus
/// and is one instance by design.
/// </summary>
public sealed class EventSubscriptionTwoHostTests
{
    private const string Subscription = "subscription($id: ID!) { eventUpdated(eventId: $id) { id status seatsLeft registeredCount waitlistedCount } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registration_on_host_b_pushes_the_new_seats_to_a_subscriber_on_host_a()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var world = await EventWorld.StartAsync("postgres", database, kestrel: true);
        await using var b = await UsersApp.StartAsync("postgres", database: database);
        var a = world.Clubs.App;
        await a.App.Services.GetRequiredService<ListenerStatus>().WaitUntilListeningAsync(1, Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
        var id = await world.ScheduledAsync(max: 1);
        using var socket = await WebSocketTestClient.ConnectAsync(a.BaseUri!);
        await socket.InitAsync(new JsonObject { ["Authorization"] = $"Bearer {world.Clubs.Outsider.Token}" });
        await socket.SubscribeAsync("e", Subscription, new JsonObject { ["id"] = id });
        await WaitForSubscriberAsync(a, id);

        var seated = await b.Client.GraphQLAsync(RegisterMutation, new { id }, world.Clubs.Member.Token);
        Assert.Equal("REGISTERED", seated.Field("registerForEvent")!["registration"]!["status"]!.GetValue<string>());
        var first = await socket.ReceiveAsync();
        Assert.Equal("next", first["type"]!.GetValue<string>());
        Assert.Equal($$"""{"id":"{{id}}","status":"SCHEDULED","seatsLeft":0,"registeredCount":1,"waitlistedCount":0}""",
            WebSocketTestClient.Json(first["payload"]!["data"]!["eventUpdated"]));

        var waitlisted = await b.Client.GraphQLAsync(RegisterMutation, new { id }, world.Clubs.Secretary.Token);
        Assert.Equal("WAITLISTED", waitlisted.Field("registerForEvent")!["registration"]!["status"]!.GetValue<string>());
        var second = await socket.ReceiveAsync();
        Assert.Equal($$"""{"id":"{{id}}","status":"SCHEDULED","seatsLeft":0,"registeredCount":1,"waitlistedCount":1}""",
            WebSocketTestClient.Json(second["payload"]!["data"]!["eventUpdated"]));
    }

    private const string RegisterMutation = "mutation($id: ID!) { registerForEvent(input: { eventId: $id }) { registration { status } userErrors { code } } }";

    /// <summary>The subscribe message is handled asynchronously; register only once host A observes the topic.</summary>
    private static async Task WaitForSubscriberAsync(UsersApp app, string eventId)
    {
        var topics = app.App.Services.GetRequiredService<LocalTopics>();
        var topic = $"events.{EventWorld.Key(eventId)}.updated";
        for (var i = 0; i < 200 && topics.CountSubscribers(topic) == 0; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(1, topics.CountSubscribers(topic));
    }
}
