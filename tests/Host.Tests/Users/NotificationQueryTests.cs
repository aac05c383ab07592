using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertifyTrack.Host.Tests.Users.NotificationsApp;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>notifications</c>, <c>markNotificationsRead</c>, the notifier's transaction and the expiry sweep, over HTTP.</summary>
public sealed class NotificationQueryTests
{
    private static readonly string[] Garbage = ["garbage"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_user_lists_only_their_own_notifications_newest_first(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha");
        var ravi = await app.AddUserAsync("ravi");
        await app.NotifyAsync(NotificationKinds.RegistrationConfirmed, "first", false, asha);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.NotifyAsync(NotificationKinds.PointsApproved, "second", false, asha, ravi);
        await app.NotifyAsync(NotificationKinds.PointsApproved, "ravi only", false, ravi);
        await app.NotifyAsync(NotificationKinds.PointsApproved, "rolled back", true, asha);

        var mine = await app.TitlesAsync(Student(asha));
        Assert.Equal(["second", "first"], mine.Select(n => n!["title"]!.GetValue<string>()));
        Assert.Equal(NotificationKinds.PointsApproved, mine[0]!["kind"]!.GetValue<string>());
        Assert.Equal(["ravi only", "second"], (await app.TitlesAsync(Student(ravi))).Select(n => n!["title"]!.GetValue<string>()).Order());

        var anonymous = await app.QueryAsync("{ notifications { totalCount } }");
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes());

        // node(id:) of another user's notification is null, as for an id that does not exist.
        var id = mine[0]!["id"]!.GetValue<string>();
        var stranger = await app.QueryAsync($$"""{ node(id: "{{id}}") { id } }""", Student(ravi));
        Assert.Equal("""{"data":{"node":null}}""", stranger.ToJson());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mark_read_by_ids_touches_only_own_rows_and_all_marks_the_rest(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha");
        var ravi = await app.AddUserAsync("ravi");
        await app.NotifyAsync(NotificationKinds.EventReminder, "a", false, asha);
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await app.NotifyAsync(NotificationKinds.EventReminder, "b", false, asha);
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await app.NotifyAsync(NotificationKinds.EventReminder, "c", false, asha);

        await app.NotifyAsync(NotificationKinds.EventReminder, "ravi's", false, ravi);
        var ashas = await app.TitlesAsync(Student(asha));
        var ravis = await app.TitlesAsync(Student(ravi));
        const string Mark = "mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { markedCount unreadCount userErrors { code } } }";

        // Ravi names one of Asha's and his own: only his own is marked; Asha's is not revealed.
        var byIds = await app.QueryAsync(Mark, Student(ravi), new { input = new { ids = new[] { Id(ashas[0]), Id(ravis[0]) } } });
        Assert.Equal("""{"markedCount":1,"unreadCount":0,"userErrors":[]}""", byIds.Data("markNotificationsRead").ToJsonString());
        var sneaky = await app.QueryAsync(Mark, Student(ravi), new { input = new { ids = new[] { Id(ashas[1]) } } });
        Assert.Equal("""{"markedCount":0,"unreadCount":0,"userErrors":[]}""", sneaky.Data("markNotificationsRead").ToJsonString());
        Assert.Equal(3, (await app.TitlesAsync(Student(asha), "(unreadOnly: true)")).Count);

        var one = await app.QueryAsync(Mark, Student(asha), new { input = new { ids = new[] { Id(ashas[0]) } } });
        Assert.Equal("""{"markedCount":1,"unreadCount":2,"userErrors":[]}""", one.Data("markNotificationsRead").ToJsonString());
        Assert.Equal(["b", "a"], (await app.TitlesAsync(Student(asha), "(unreadOnly: true)")).Select(n => n!["title"]!.GetValue<string>()));

        var all = await app.QueryAsync(Mark, Student(asha), new { input = new { all = true } });
        Assert.Equal("""{"markedCount":2,"unreadCount":0,"userErrors":[]}""", all.Data("markNotificationsRead").ToJsonString());
        Assert.Empty(await app.TitlesAsync(Student(asha), "(unreadOnly: true)"));

        var nothing = await app.QueryAsync(Mark, Student(asha), new { input = new { } });
        Assert.Equal("NOTHING_TO_MARK", nothing.Data("markNotificationsRead")["userErrors"]![0]!["code"]!.GetValue<string>());
        var garbage = await app.QueryAsync(Mark, Student(asha), new { input = new { ids = Garbage } });
        Assert.Equal(["INVALID_ID"], garbage.ErrorCodes());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Many_recipients_are_notified_with_one_insert_and_unknown_ids_are_skipped(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var ids = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await app.AddUserAsync($"s{i}"));
        }

        Assert.Equal(20, await app.NotifyAsync(NotificationKinds.MentorAssigned, "Your mentor", false, [.. ids, 999_999]));
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(20, await db.Notifications.CountAsync(n => n.Kind == NotificationKinds.MentorAssigned, Ct));
        var row = await db.Notifications.AsNoTracking().FirstAsync(Ct);
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddDays(30), row.ExpiresAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sweep_deletes_notifications_after_30_days(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha");
        await app.NotifyAsync(NotificationKinds.EventCancelled, "old", false, asha);
        app.Time.Advance(TimeSpan.FromDays(20));
        await app.NotifyAsync(NotificationKinds.EventCancelled, "recent", false, asha);
        var sweep = app.App.Services.GetRequiredService<NotificationSweep>();

        Assert.Equal(0, await sweep.SweepAsync(Ct));
        app.Time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromSeconds(1));
        await sweep.SweepAsync(Ct);   // the hosted sweep may have run already on the advanced clock

        Assert.Equal(["recent"], (await app.TitlesAsync(Student(asha))).Select(n => n!["title"]!.GetValue<string>()));
    }

    private static string Id(JsonNode? node) => node!["id"]!.GetValue<string>();
}
