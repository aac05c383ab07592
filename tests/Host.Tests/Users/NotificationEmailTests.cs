using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertifyTrack.Host.Tests.Users.NotificationsApp;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// The email channel of <c>INotifier</c>, driven through a module's mutation over <c>/graphql</c>:
/// one outbox row per recipient whose email preference for the kind is on, security kinds always,
/// none for inactive or unverified users, none after a rollback; in-app and email switch independently.
/// </summary>
public sealed class NotificationEmailTests
{
    private const string Update = """
        mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { userErrors { code } } }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_recipient_with_email_on_gets_one_rendered_html_encoded_email_in_the_outbox(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha", verified: true);
        var ravi = await app.AddUserAsync("ravi", verified: true);
        var gone = await app.AddUserAsync("gone", verified: true, active: false);
        var fresh = await app.AddUserAsync("fresh");   // never confirmed their address

        var written = await NotifyAsync(app, NotificationKinds.EventCancelled, "Hackathon <cancelled>", "Sorry & see you\nnext time <script>", asha, ravi, gone, fresh);

        Assert.Equal(3, written);   // in the app for everyone active, verified or not; nothing for the disabled account
        await using (var db = await app.CreateDbContextAsync())
        {
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == gone, Ct));
        }

        var rows = await OutboxAsync(app);
        Assert.Equal(["asha@example.edu", "ravi@example.edu"], rows.Select(r => r.ToAddress));
        var row = rows[0];
        Assert.Equal((OutboxStatus.Pending, 0, NotificationEmails.Template), (row.Status, row.Attempts, row.Template));
        Assert.Equal((app.Time.GetUtcNow().UtcDateTime, app.Time.GetUtcNow().UtcDateTime), (row.CreatedAt, row.NextAttemptAt));
        Assert.Equal("Hackathon <cancelled>", row.Subject);   // plain text header, not HTML
        Assert.Contains("<h1 style=\"font-size: 1.25em\">Hackathon &lt;cancelled&gt;</h1>", row.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Sorry &amp; see you\nnext time &lt;script&gt;", row.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", row.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://certifytrack.example.edu/\">Open CertifyTrack</a>", row.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("notification preferences", row.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(row.HtmlBody, rows[1].HtmlBody);   // rendered once, names no recipient
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Email_and_in_app_switches_are_independent_and_security_kinds_always_send(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha", verified: true);
        var ravi = await app.AddUserAsync("ravi", verified: true);
        var mira = await app.AddUserAsync("mira", verified: true);

        // Asha: no email for points; Ravi: no in-app for points; Mira: defaults.
        await PreferAsync(app, asha, new { kind = "points_approved", email = false });
        await PreferAsync(app, ravi, new { kind = "points_approved", inApp = false });
        Assert.Equal(2, await app.NotifyAsync(NotificationKinds.PointsApproved, "points", false, asha, ravi, mira));

        Assert.Equal(["points"], Titles(await app.TitlesAsync(Student(asha))));
        Assert.Empty(await app.TitlesAsync(Student(ravi)));
        Assert.Equal(["ravi@example.edu", "mira@example.edu"], (await OutboxAsync(app)).Select(r => r.ToAddress));

        // Another kind is untouched by Asha's choice for points.
        await app.NotifyAsync(NotificationKinds.PointsRejected, "rejected", false, asha);
        Assert.Equal("asha@example.edu", (await OutboxAsync(app))[^1].ToAddress);

        // A security kind cannot be switched off through the API, and even a stored "off" is ignored.
        var refused = await app.QueryAsync(Update, Student(asha), new { input = new { preferences = new[] { new { kind = "account_locked", email = false } } } });
        Assert.Equal("SECURITY_NOTIFICATION_REQUIRED", refused.Data("updateNotificationPreferences")["userErrors"]![0]!["code"]!.GetValue<string>());
        await using (var db = await app.CreateDbContextAsync())
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = asha, Kind = NotificationKinds.AccountLocked, InApp = false, Email = false });
            await db.SaveChangesAsync(Ct);
        }

        var before = (await OutboxAsync(app)).Count;
        Assert.Equal(1, await app.NotifyAsync(NotificationKinds.AccountLocked, "locked", false, asha));
        var security = (await OutboxAsync(app)).Skip(before).Single();
        Assert.Equal(("asha@example.edu", "locked"), (security.ToAddress, security.Subject));
        Assert.Contains("security notice", security.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("notification preferences", security.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rollback_leaves_neither_notification_nor_email(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha", verified: true);

        await app.NotifyAsync(NotificationKinds.CertificateIssued, "rolled back", true, asha);

        Assert.Empty(await app.TitlesAsync(Student(asha)));
        Assert.Empty(await OutboxAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_thousand_recipients_cost_one_insert_per_channel(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var ids = await AddVerifiedUsersAsync(app, INotifier.MaxRecipients);
        await using var probe = await app.CreateDbContextAsync();
        var connection = probe.Database.GetDbConnection();
        using var commands = new CommandCounter(connection.DataSource, connection.Database);

        Assert.Equal(1000, await app.NotifyAsync(NotificationKinds.EventReminder, "Tomorrow", false, ids));

        Assert.Equal(1, commands.Count("INSERT INTO api_notification "));
        Assert.Equal(1, commands.Count("INSERT INTO api_email_outbox "));
        Assert.Equal(1000, await probe.EmailOutbox.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_outbox_dispatcher_delivers_notification_emails(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider, configureServices: s => s.AddSingleton<IGraphQLModule, NotifyTestModule>());
        var asha = await app.Users.AddUserAsync("asha", verified: true);
        await NotifyAsync(app.Users, NotificationKinds.BookingApproved, "Hall booked", "Seminar hall A, 10:00–12:00", asha);

        Assert.Equal(1, await app.DeliverMailAsync());

        var mail = Assert.Single(app.Mailbox());
        Assert.Equal(("Hall booked", "asha@example.edu"), (mail.Subject, mail.To.Mailboxes.Single().Address));
        Assert.Contains("Seminar hall A, 10:00–12:00", mail.HtmlBody, StringComparison.Ordinal);
        await using var db = await app.Users.CreateDbContextAsync();
        var row = await db.EmailOutbox.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_outbox_worker_drains_more_than_one_batch_without_waiting_for_its_poll(string provider)
    {
        // The poll interval runs on the fake clock, which stands still: only the commit's bell wakes the worker.
        await using var app = await AccountsApp.StartAsync(
            provider,
            new Dictionary<string, string?> { ["Email:Outbox:RunWorker"] = "true", ["Email:Outbox:PollInterval"] = "01:00:00" },
            s => s.AddSingleton<IGraphQLModule, NotifyTestModule>());
        var ids = await AddVerifiedUsersAsync(app.Users, 120);   // the dispatcher takes 50 at a time

        await NotifyAsync(app.Users, NotificationKinds.EventRescheduled, "New time", "The talk moved to 15:00.", [.. ids]);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (app.Mailbox().Count < ids.Length && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(ids.Length, app.Mailbox().Count);
        Assert.All(await OutboxAsync(app.Users), e => Assert.Equal(OutboxStatus.Sent, e.Status));
    }

    private static async Task<long[]> AddVerifiedUsersAsync(UsersApp app, int count)
    {
        await using var db = await app.CreateDbContextAsync();
        var users = Enumerable.Range(0, count).Select(i =>
        {
            var user = new CertifyTrack.Modules.Users.Accounts.User { FirstName = "S", LastName = $"{i}", IsEmailVerified = true, DateJoined = DateTime.UtcNow };
            user.SetUsername($"s{i}");
            user.SetEmail($"s{i}@example.edu");
            return user;
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync(Ct);
        return [.. users.Select(u => u.Id)];
    }

    private static async Task<int> NotifyAsync(UsersApp app, string kind, string title, string message, params long[] userIds)
    {
        var body = await app.QueryAsync(
            "mutation($ids: [Long!]!, $kind: String!, $title: String!, $message: String) { testNotify(userIds: $ids, kind: $kind, title: $title, message: $message) }",
            variables: new { ids = userIds, kind, title, message });
        Assert.Empty(body.ErrorCodes());
        return body.Data("testNotify").GetValue<int>();
    }

    private static async Task PreferAsync(UsersApp app, long userId, object preference)
    {
        var body = await app.QueryAsync(Update, Student(userId), new { input = new { preferences = new[] { preference } } });
        Assert.Empty(body.UserErrors("updateNotificationPreferences"));
    }

    internal static async Task<List<OutboxEmail>> OutboxAsync(UsersApp app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.EmailOutbox.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }

    private static IEnumerable<string> Titles(JsonArray nodes) => nodes.Select(n => n!["title"]!.GetValue<string>());
}
