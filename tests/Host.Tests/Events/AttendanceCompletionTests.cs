using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Events.Attendance;
using CertifyTrack.Modules.Events.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>
/// Completion ends registrations ATTENDED or NO_SHOW in one UPDATE (<see cref="AttendanceCompletion"/>); later
/// changes move them back and forth and publish durable <see cref="AttendanceConfirmed"/>/<see cref="AttendanceRevoked"/>.
/// </summary>
public sealed class AttendanceCompletionTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Completion_ends_registrations_and_later_changes_publish_durable_events(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        var (a, b, c, d) = (world.Attendees[0], world.Attendees[1], world.Attendees[2], world.Attendees[3]);
        Task<GraphQLResponse> MarkAsync(params (Clubs.Person Student, bool Present)[] marks) => world.AsAsync(world.Clubs.Secretary, AttendanceMarkingTests.Mark,
            new { input = new { eventId = world.EventId, entries = marks.Select(m => new { studentId = m.Student.StudentId, present = m.Present }).ToArray() } });
        Assert.Empty((await MarkAsync((a, true), (b, true), (c, false))).UserErrors("markAttendance"));

        // completeEvent through /graphql (the president holds END_EVENTS): each seat ends ATTENDED or NO_SHOW in its transaction.
        var completed = await world.AsAsync(world.Clubs.President, "mutation($input: EventTransitionInput!) { completeEvent(input: $input) { event { status attendedCount } userErrors { code } } }",
            new { input = new { eventId = world.EventId } });
        Assert.Empty(completed.UserErrors("completeEvent"));
        Assert.Equal("COMPLETED", completed.Field("completeEvent")!["event"]!["status"]!.GetValue<string>());

        Assert.Equal(Statuses((a, RegistrationStatus.Attended), (b, RegistrationStatus.Attended), (c, RegistrationStatus.NoShow), (d, RegistrationStatus.NoShow), (world.Waitlisted, RegistrationStatus.Waitlisted)),
            (await world.RegistrationsAsync()).Select(r => (r.StudentId, r.Status)).Order());
        Assert.Empty(world.Delivered);

        var changed = await MarkAsync((a, false), (c, true), (b, true));
        var repeated = await MarkAsync((a, false), (c, true));

        Assert.Empty(changed.UserErrors("markAttendance"));
        Assert.Equal(2, changed.Field("markAttendance")!["marked"]!.GetValue<int>());
        Assert.Equal(0, repeated.Field("markAttendance")!["marked"]!.GetValue<int>());
        Assert.Equal(2, await world.AttendedCountAsync());
        Assert.Equal(Statuses((a, RegistrationStatus.NoShow), (b, RegistrationStatus.Attended), (c, RegistrationStatus.Attended), (d, RegistrationStatus.NoShow), (world.Waitlisted, RegistrationStatus.Waitlisted)),
            (await world.RegistrationsAsync()).Select(r => (r.StudentId, r.Status)).Order());
        await WaitUntilAsync(() => world.Delivered.Count >= 2);
        var delivered = world.Delivered.ToList();
        Assert.Equal(2, delivered.Count);
        var revoked = Assert.Single(delivered.OfType<AttendanceRevoked>());
        var confirmed = Assert.Single(delivered.OfType<AttendanceConfirmed>());
        Assert.Equal((world.EventKey, a.ProfileId!.Value, a.UserId, 7L, 5, 3), (revoked.EventId, revoked.StudentId, revoked.StudentUserId, revoked.AicteCategoryId!.Value, revoked.PointsAwarded!.Value, revoked.ActivityHours!.Value));
        Assert.Equal((world.EventKey, c.ProfileId!.Value, c.UserId), (confirmed.EventId, confirmed.StudentId, confirmed.StudentUserId));
        Assert.Equal(revoked.ClubId, confirmed.ClubId);
        Assert.Equal($"event:{world.EventKey}", ((IDurableIntegrationEvent)revoked).OrderingKey);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ending_registrations_is_one_update_after_the_event_lock(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        await using var db = await world.DbAsync();
        var connection = db.Database.GetDbConnection();
        await using var tx = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        using var commands = new CommandCounter(connection.DataSource, connection.Database);

        var ended = await AttendanceCompletion.EndRegistrationsAsync(db, world.EventKey, world.Clubs.App.Time.GetUtcNow().UtcDateTime, TestContext.Current.CancellationToken);
        await tx.CommitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(4, ended);
        // The event row's lock (a no-op update), then the one UPDATE of every registration.
        Assert.Equal(2, commands.Count("api_event"));
        Assert.Equal(1, commands.Count("UPDATE \"api_eventregistration\"") + commands.Count("UPDATE api_eventregistration"));
        Assert.All((await world.RegistrationsAsync()).Where(r => r.StudentId != world.Waitlisted.ProfileId), r => Assert.Equal(RegistrationStatus.NoShow, r.Status));
    }

    private static IEnumerable<(long, RegistrationStatus)> Statuses(params (Clubs.Person Student, RegistrationStatus Status)[] expected) =>
        expected.Select(e => (e.Student.ProfileId!.Value, e.Status)).Order();

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
