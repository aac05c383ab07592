using System.Text.Json.Nodes;
using CertifyTrack.Host.Events;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.Notifications;
using Microsoft.Extensions.DependencyInjection;
using static CertifyTrack.Host.Tests.Users.NotificationsApp;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>notificationReceived</c> over the WebSocket: each user hears only their own notifications.</summary>
public sealed class NotificationSubscriptionTests
{
    private const string Subscription = "subscription { notificationReceived { id kind title message isRead } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_notification_reaches_its_owners_subscription_and_no_one_elses(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider, kestrel: true);
        if (provider == "postgres")
        {
            // Topic messages come back through LISTEN/NOTIFY, also to this instance's own subscribers.
            await app.App.Services.GetRequiredService<ListenerStatus>().WaitUntilListeningAsync(1, Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
        }

        var asha = await app.AddUserAsync("asha");
        var ravi = await app.AddUserAsync("ravi");
        using var ashaSocket = await SubscribeAsync(app, asha);
        using var raviSocket = await SubscribeAsync(app, ravi);

        await app.NotifyAsync(NotificationKinds.PointsApproved, "rolled back", true, asha);
        await app.NotifyAsync(NotificationKinds.CertificateIssued, "for asha", false, asha);
        await app.NotifyAsync(NotificationKinds.CertificateIssued, "for ravi", false, ravi);

        var ashaGot = await ashaSocket.ReceiveAsync();
        Assert.Equal("next", ashaGot["type"]!.GetValue<string>());
        var notification = ashaGot["payload"]!["data"]!["notificationReceived"]!;
        Assert.Equal("for asha", notification["title"]!.GetValue<string>());
        Assert.Equal("certificate_issued", notification["kind"]!.GetValue<string>());
        Assert.False(notification["isRead"]!.GetValue<bool>());
        var listed = await app.TitlesAsync(Student(asha));
        Assert.Equal(listed.Single()!["id"]!.GetValue<string>(), notification["id"]!.GetValue<string>());

        // Ravi's first message is his own: neither Asha's nor the rolled-back one reached him.
        var raviGot = await raviSocket.ReceiveAsync();
        Assert.Equal("for ravi", raviGot["payload"]!["data"]!["notificationReceived"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_anonymous_subscription_is_refused_with_unauthenticated()
    {
        await using var app = await NotificationsApp.StartAsync("sqlite", kestrel: true);
        using var socket = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await socket.InitAsync();

        await socket.SubscribeAsync("n", Subscription);

        var error = await socket.ReceiveAsync();
        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal("UNAUTHENTICATED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    internal static async Task<WebSocketTestClient> SubscribeAsync(UsersApp app, long userId)
    {
        var socket = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await socket.InitAsync(new JsonObject { ["Authorization"] = $"Bearer {Student(userId)}" });
        await socket.SubscribeAsync("n", Subscription);
        var topics = app.App.Services.GetRequiredService<LocalTopics>();
        var topic = $"notifications.user.{userId}";
        for (var i = 0; i < 200 && topics.CountSubscribers(topic) == 0; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(1, topics.CountSubscribers(topic));
        return socket;
    }
}
