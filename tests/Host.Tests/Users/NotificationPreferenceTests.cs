using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using static CertifyTrack.Host.Tests.Users.NotificationsApp;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>notificationPreferences</c> and <c>updateNotificationPreferences</c>: per kind, security kinds always on.</summary>
public sealed class NotificationPreferenceTests
{
    private const string Update = """
        mutation($input: UpdateNotificationPreferencesInput!) {
          updateNotificationPreferences(input: $input) { preferences { kind inApp email required } userErrors { code field } }
        }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_kind_switched_off_in_the_app_creates_no_notification_for_that_user(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha");
        var ravi = await app.AddUserAsync("ravi");

        var defaults = await app.QueryAsync("{ notificationPreferences { kind inApp email required } }", Student(asha));
        var list = defaults.Data("notificationPreferences").AsArray();
        Assert.Equal(NotificationKinds.Ordered, list.Select(p => p!["kind"]!.GetValue<string>()));
        Assert.All(list, p => Assert.True(p!["inApp"]!.GetValue<bool>() && p["email"]!.GetValue<bool>()));

        var updated = await app.QueryAsync(Update, Student(asha), new
        {
            input = new { preferences = new object[] { new { kind = "points_approved", inApp = false }, new { kind = "event_reminder", email = false } } },
        });
        var payload = updated.Data("updateNotificationPreferences");
        Assert.Empty(payload["userErrors"]!.AsArray());
        var points = payload["preferences"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == "points_approved")!;
        Assert.Equal("""{"kind":"points_approved","inApp":false,"email":true,"required":false}""", points.ToJsonString());
        var reminder = payload["preferences"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == "event_reminder")!;
        Assert.Equal("""{"kind":"event_reminder","inApp":true,"email":false,"required":false}""", reminder.ToJsonString());

        Assert.Equal(1, await app.NotifyAsync(NotificationKinds.PointsApproved, "approved", false, asha, ravi));
        Assert.Empty(await app.TitlesAsync(Student(asha)));
        Assert.Single(await app.TitlesAsync(Student(ravi)));

        // Ravi's preferences are his own: Asha's change did not touch them.
        var ravis = await app.QueryAsync("{ notificationPreferences { kind inApp } }", Student(ravi));
        Assert.All(ravis.Data("notificationPreferences").AsArray(), p => Assert.True(p!["inApp"]!.GetValue<bool>()));

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(["notification_preferences.updated"], await db.AuditLog.Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Security_kinds_cannot_be_switched_off_and_unknown_kinds_are_refused(string provider)
    {
        await using var app = await NotificationsApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha");

        var refused = await app.QueryAsync(Update, Student(asha), new
        {
            input = new { preferences = new object[] { new { kind = "event_cancelled", inApp = false }, new { kind = "password_changed", email = false }, new { kind = "nope", inApp = false } } },
        });
        var payload = refused.Data("updateNotificationPreferences");
        Assert.Equal(
            """[{"code":"SECURITY_NOTIFICATION_REQUIRED","field":["input","preferences","1","kind"]},{"code":"UNKNOWN_NOTIFICATION_KIND","field":["input","preferences","2","kind"]}]""",
            payload["userErrors"]!.ToJsonString());

        // Nothing was saved, not even the allowed change.
        var after = await app.QueryAsync("{ notificationPreferences { kind inApp } }", Student(asha));
        Assert.All(after.Data("notificationPreferences").AsArray(), p => Assert.True(p!["inApp"]!.GetValue<bool>()));
        Assert.Equal(1, await app.NotifyAsync(NotificationKinds.PasswordChanged, "Your password changed", false, asha));

        var anonymous = await app.QueryAsync(Update, variables: new { input = new { preferences = Array.Empty<object>() } });
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes());
    }
}
