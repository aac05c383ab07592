using CertifyTrack.Host.Tests.Clubs;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using CertifyTrack.Modules.Events.Reminders;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>
/// The 24 h reminder sweep through the real host: registrations made through <c>/graphql</c>, the sweep
/// (<see cref="ReminderSweep"/>, the hosted service's work) run against the fake clock, the reminders read
/// from Users' notification and e-mail outbox tables. The default event starts 2026-06-10 10:00 in
/// Asia/Kolkata, 04:30 UTC.
/// </summary>
public sealed class EventReminderTests
{
    private static readonly DateTimeOffset DayBefore = new(2026, 6, 9, 4, 30, 0, TimeSpan.Zero);

    /// <summary>The background sweep off: each test runs the sweep itself, so counts are exact.</summary>
    private static readonly Dictionary<string, string?> ManualSweep = new() { [ReminderSweep.IntervalSetting] = "0" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registered_students_are_reminded_once_within_the_day_before_the_start(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var world = await EventWorld.StartAsync(provider, database, settings: ManualSweep);
        var c = world.Clubs;
        var students = await VerifiedStudentsAsync(c, "rem", 4);
        var id = await world.ScheduledAsync(max: 2);
        foreach (var s in students)
        {
            Assert.Empty((await world.RegisterAsync(s, id)).UserErrorCodes("registerForEvent"));
        }

        // rem0, rem1 hold seats; rem2 is waitlisted (not reminded); rem3 was waitlisted too and cancelled.
        Assert.Empty((await world.CancelRegistrationAsync(students[3], id)).UserErrorCodes("cancelRegistration"));
        var sweep = c.App.App.Services.GetRequiredService<ReminderSweep>();

        Assert.Equal(0, await sweep.SweepAsync(Ct));
        c.App.Time.SetUtcNow(DayBefore - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await sweep.SweepAsync(Ct)); // a minute too early
        c.App.Time.SetUtcNow(DayBefore + TimeSpan.FromMinutes(1));
        Assert.Equal(2, await sweep.SweepAsync(Ct));
        Assert.Equal(0, await sweep.SweepAsync(Ct));

        // A restart: another host over the same database finds nothing left to remind.
        await using (var restarted = await UsersApp.StartAsync(provider, DayBefore + TimeSpan.FromMinutes(2), settings: ManualSweep, database: database))
        {
            Assert.Equal(0, await restarted.App.Services.GetRequiredService<ReminderSweep>().SweepAsync(Ct));
        }

        // A seat freed inside the day: the promoted student is reminded; cancelling and registering again is not reminded twice.
        Assert.Empty((await world.CancelRegistrationAsync(students[0], id)).UserErrorCodes("cancelRegistration"));
        Assert.Equal(1, await sweep.SweepAsync(Ct)); // rem2, promoted
        Assert.Empty((await world.CancelRegistrationAsync(students[1], id)).UserErrorCodes("cancelRegistration"));
        Assert.Equal("REGISTERED", (await world.RegisterAsync(students[0], id)).Field("registerForEvent")!["registration"]!["status"]!.GetValue<string>());
        Assert.Equal(0, await sweep.SweepAsync(Ct));

        var reminded = await RemindersAsync(c);
        Assert.Equal([students[0].UserId, students[1].UserId, students[2].UserId], reminded.Keys.Order());
        Assert.All(reminded.Values, n => Assert.Equal(1, n));
        var message = await FirstReminderAsync(c, students[1].UserId);
        Assert.Equal("Reminder: Robot workshop takes place on 2026-06-10 from 10:00 to 23:00. Bring your check-in code.", message);
        Assert.Equal(new Dictionary<string, int> { ["rem0@example.edu"] = 1, ["rem1@example.edu"] = 1, ["rem2@example.edu"] = 1 }, await ReminderEmailsAsync(c));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancelled_events_are_not_reminded_and_a_moved_event_is_reminded_again(string provider)
    {
        await using var world = await EventWorld.StartAsync(provider, settings: ManualSweep);
        var c = world.Clubs;
        var (cancelled, moved) = (await world.ScheduledAsync(), await world.ScheduledAsync());
        Assert.Empty((await world.RegisterAsync(c.Member, cancelled)).UserErrorCodes("registerForEvent"));
        Assert.Empty((await world.RegisterAsync(c.Secretary, moved)).UserErrorCodes("registerForEvent"));
        Assert.Empty((await world.AsAsync(c.President, """
            mutation($id: ID!) { cancelEvent(input: { eventId: $id, reason: "Hall flooded" }) { userErrors { code } } }
            """, new { id = cancelled })).UserErrorCodes("cancelEvent"));
        var sweep = c.App.App.Services.GetRequiredService<ReminderSweep>();
        c.App.Time.SetUtcNow(DayBefore + TimeSpan.FromHours(1));

        Assert.Equal(1, await sweep.SweepAsync(Ct)); // the secretary's; the cancelled event's member gets none
        var update = await world.AsAsync(c.President, """
            mutation($id: ID!) { updateEvent(input: { eventId: $id, eventDate: "2026-06-12" }) { userErrors { code } } }
            """, new { id = moved });
        Assert.Empty(update.UserErrorCodes("updateEvent"));
        Assert.Equal(0, await sweep.SweepAsync(Ct)); // two days away now
        c.App.Time.SetUtcNow(DayBefore + TimeSpan.FromDays(2) + TimeSpan.FromMinutes(5));
        Assert.Equal(1, await sweep.SweepAsync(Ct));

        var reminded = await RemindersAsync(c);
        Assert.Equal(new Dictionary<long, int> { [c.Secretary.UserId] = 2 }, reminded);
        Assert.Contains("2026-06-12", await LastReminderAsync(c, c.Secretary.UserId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_sweeps_on_two_hosts_remind_each_registration_exactly_once()
    {
        // PostgreSQL: two instances share one database and claim concurrently (SQLite has one writer and one host).
        await using var database = await TestDatabase.CreateAsync("postgres");
        var settings = new Dictionary<string, string?>(ManualSweep) { [ReminderSweep.BatchSetting] = "3" };
        await using var world = await EventWorld.StartAsync("postgres", database, settings: settings);
        var c = world.Clubs;
        var students = await VerifiedStudentsAsync(c, "many", 24);
        var events = new[] { await world.ScheduledAsync(), await world.ScheduledAsync(start: "11:00:00") };
        await Task.WhenAll(students.Select((s, i) => world.RegisterAsync(s, events[i % 2])));
        await using var other = await UsersApp.StartAsync("postgres", DayBefore + TimeSpan.FromHours(2), settings: settings, database: database);
        c.App.Time.SetUtcNow(DayBefore + TimeSpan.FromHours(2));
        var sweeps = new[] { c.App.App.Services, other.App.Services, c.App.App.Services, other.App.Services }
            .Select(s => s.GetRequiredService<ReminderSweep>());

        var counts = await Task.WhenAll(sweeps.Select(s => Task.Run(() => s.SweepAsync(Ct), Ct)));

        Assert.Equal(students.Count, counts.Sum());
        var reminded = await RemindersAsync(c);
        Assert.Equal(students.Select(s => s.UserId).Order(), reminded.Keys.Order());
        Assert.All(reminded.Values, n => Assert.Equal(1, n));
        Assert.Equal(students.ToDictionary(s => $"{s.Name}@example.edu", _ => 1), await ReminderEmailsAsync(c));
    }

    [Fact]
    public async Task The_hosted_sweep_reminds_on_its_own_as_the_clock_passes_the_day_before()
    {
        await using var world = await EventWorld.StartAsync("sqlite", settings: new Dictionary<string, string?> { [ReminderSweep.IntervalSetting] = "60" });
        var c = world.Clubs;
        var id = await world.ScheduledAsync();
        Assert.Empty((await world.RegisterAsync(c.Member, id)).UserErrorCodes("registerForEvent"));

        c.App.Time.SetUtcNow(DayBefore + TimeSpan.FromMinutes(10)); // fires the service's 60 s timer
        var reminded = new Dictionary<long, int>();
        for (var i = 0; i < 200 && reminded.Count == 0; i++)
        {
            await Task.Delay(50, Ct);
            reminded = await RemindersAsync(c);
        }

        Assert.Equal(new Dictionary<long, int> { [c.Member.UserId] = 1 }, reminded);
    }

    /// <summary>Students with verified addresses (<c>{prefix}{i}@example.edu</c>), so reminders go by e-mail too.</summary>
    private static async Task<List<Person>> VerifiedStudentsAsync(ClubWorld c, string prefix, int count)
    {
        var ids = await c.App.StudentsAsync(prefix, count, verified: true);
        await using var db = await c.App.CreateDbContextAsync();
        var users = await db.Students.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.UserId, Ct);
        return [.. ids.Select((id, i) => new Person($"{prefix}{i}", users[id], id, TestAuthenticationHandler.Token($"{users[id]}", "student")))];
    }

    /// <summary>event_reminder notifications per user.</summary>
    private static async Task<Dictionary<long, int>> RemindersAsync(ClubWorld c)
    {
        await using var db = await c.App.CreateDbContextAsync();
        return await db.Notifications.Where(n => n.Kind == NotificationKinds.EventReminder).GroupBy(n => n.UserId)
            .ToDictionaryAsync(g => g.Key, g => g.Count(), Ct);
    }

    private static async Task<string> FirstReminderAsync(ClubWorld c, long userId)
    {
        await using var db = await c.App.CreateDbContextAsync();
        return await db.Notifications.Where(n => n.Kind == NotificationKinds.EventReminder && n.UserId == userId).OrderBy(n => n.Id).Select(n => n.Message).FirstAsync(Ct);
    }

    private static async Task<string> LastReminderAsync(ClubWorld c, long userId)
    {
        await using var db = await c.App.CreateDbContextAsync();
        return await db.Notifications.Where(n => n.Kind == NotificationKinds.EventReminder && n.UserId == userId).OrderByDescending(n => n.Id).Select(n => n.Message).FirstAsync(Ct);
    }

    /// <summary>
    /// Reminder e-mails queued per address, as the e-mail channel's throttle counts them (one slot per queued e-mail of
    /// the kind, the window an hour of the fake clock): the outbox itself empties a body once the e-mail is sent.
    /// </summary>
    private static async Task<Dictionary<string, int>> ReminderEmailsAsync(ClubWorld c)
    {
        await using var db = await c.App.CreateDbContextAsync();
        return await db.EmailThrottle.Where(t => t.Kind == "notification." + NotificationKinds.EventReminder)
            .ToDictionaryAsync(t => t.Address.ToLowerInvariant(), t => t.Sent, Ct);
    }
}
