using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>Capacity, the waitlist and the per-student cap under concurrent requests (PostgreSQL, the real endpoint).</summary>
public sealed class EventConcurrencyTests
{
    [Fact]
    public async Task Two_hundred_fifty_concurrent_registrations_fill_one_hundred_seats_and_waitlist_the_rest_in_order()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        // Every registration of one event queues on its row lock: on a loaded machine the last of 250 waits longer
        // for a pooled connection and for the lock than production's 15 s / 30 s; these bounds assert behaviour, not speed.
        await using var world = await EventWorld.StartAsync("postgres", database: database,
            connectionString: database.ConnectionString + ";Maximum Pool Size=40;Timeout=180;Command Timeout=180");
        var id = await world.ScheduledAsync(max: 100);
        var students = await world.Clubs.StudentsAsync("burst", 250);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answers = await Task.WhenAll(students.Select(s => world.RegisterAsync(s, id)));
        TestContext.Current.TestOutputHelper?.WriteLine($"250 concurrent registrations answered in {clock.ElapsedMilliseconds} ms");

        Assert.True(answers.All(a => a.ErrorCodes.Length == 0 && a.UserErrorCodes("registerForEvent").Length == 0),
            string.Join("\n", answers.Where(a => a.ErrorCodes.Length > 0 || a.UserErrorCodes("registerForEvent").Length > 0).Take(3)) + world.Clubs.LoggedExceptions());
        var statuses = answers.Select(a => a.Field("registerForEvent")!["registration"]!["status"]!.GetValue<string>()).ToList();
        Assert.Equal(100, statuses.Count(s => s == "REGISTERED"));
        Assert.Equal(150, statuses.Count(s => s == "WAITLISTED"));
        Assert.Equal(Enumerable.Range(1, 150), answers.Where(a => a.Field("registerForEvent")!["registration"]!["status"]!.GetValue<string>() == "WAITLISTED")
            .Select(a => a.Field("registerForEvent")!["registration"]!["waitlistPosition"]!.GetValue<int>()).Order());
        Assert.Equal((100, 150, 100, 150), await world.CountsAsync(id));

        // 20 concurrent cancellations of seated students promote the first 20 of the waitlist, in order.
        var seated = students.Where((_, i) => statuses[i] == "REGISTERED").Take(20).ToList();
        await using (var db = await world.Db())
        {
            var key = EventWorld.Key(id);
            var firstWaitlisted = await db.Registrations.Where(r => r.EventId == key && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.WaitlistSequence).Select(r => r.Id).Take(21).ToListAsync(TestContext.Current.CancellationToken);
            var cancels = await Task.WhenAll(seated.Select(s => world.CancelRegistrationAsync(s, id)));
            Assert.All(cancels, c => Assert.Empty(c.UserErrorCodes("cancelRegistration")));
            var promoted = await db.Registrations.Where(r => firstWaitlisted.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.Status, TestContext.Current.CancellationToken);
            Assert.All(firstWaitlisted.Take(20), r => Assert.Equal(RegistrationStatus.Registered, promoted[r]));
            Assert.Equal(RegistrationStatus.Waitlisted, promoted[firstWaitlisted[20]]);
        }

        Assert.Equal((100, 130, 100, 130), await world.CountsAsync(id));
    }

    [Fact]
    public async Task Fifteen_concurrent_registrations_of_one_student_leave_exactly_ten_active()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var world = await EventWorld.StartAsync("postgres", database: database, connectionString: database.ConnectionString + ";Maximum Pool Size=40");
        var events = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            events.Add(await world.ScheduledAsync(date: $"2026-06-{10 + i}"));
        }

        var student = (await world.Clubs.StudentsAsync("eager", 1))[0];

        var answers = await Task.WhenAll(events.Select(e => world.RegisterAsync(student, e)));

        Assert.All(answers, a => Assert.Empty(a.ErrorCodes));
        Assert.Equal(10, answers.Count(a => a.UserErrorCodes("registerForEvent").Length == 0));
        Assert.Equal(5, answers.Count(a => a.UserErrorCodes("registerForEvent").SequenceEqual(["TOO_MANY_REGISTRATIONS"])));
        await using var db = await world.Db();
        Assert.Equal(10, await db.Registrations.CountAsync(r => r.StudentId == student.ProfileId, TestContext.Current.CancellationToken));
        Assert.Equal(10, await db.StudentLoads.Where(l => l.StudentId == student.ProfileId).Select(l => l.ActiveCount).SingleAsync(TestContext.Current.CancellationToken));
    }
}
