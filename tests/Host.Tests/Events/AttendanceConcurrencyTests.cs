using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Events.Domain;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>Concurrent markings through the real endpoint on PostgreSQL: the event lock and the unique index keep one consistent row per student.</summary>
public sealed class AttendanceConcurrencyTests
{
    [Fact]
    public async Task Concurrent_markings_of_one_student_leave_one_row_and_a_true_count()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var world = await AttendanceWorld.StartAsync("postgres", database, database.ConnectionString + ";Maximum Pool Size=30");
        var (student, others) = (world.Attendees[0], world.Attendees[1..]);
        var markers = new[] { world.Clubs.Secretary, world.Clubs.President, world.Clubs.CoordinatorRole, world.Clubs.Coordinator, world.Clubs.Admin };

        // 40 markings of the same student (present and absent, by five organizers), 3 check-ins of it, and each other attendee marked present at once.
        var requests = Enumerable.Range(0, 40)
            .Select(i => world.AsAsync(markers[i % markers.Length], AttendanceMarkingTests.Mark, new { input = new { eventId = world.EventId, entries = new[] { new { studentId = student.StudentId, present = i % 2 == 0 } } } }))
            .Concat(Enumerable.Range(0, 3).Select(i => world.AsAsync(markers[i], """
                mutation($input: CheckInInput!) { checkIn(input: $input) { userErrors { code } } }
                """, new { input = new { eventId = world.EventId, code = world.Codes[student.ProfileId!.Value] } })))
            .Concat(others.Select(o => world.AsAsync(world.Clubs.Secretary, AttendanceMarkingTests.Mark, new { input = new { eventId = world.EventId, entries = new[] { new { studentId = o.StudentId, present = true } } } })))
            .ToList();
        var answers = await Task.WhenAll(requests);

        Assert.True(answers.All(a => a.ErrorCodes.Length == 0 && !a.ToString().Contains("\"code\"", StringComparison.Ordinal)), string.Join("\n", answers.Take(3)) + world.Clubs.LoggedExceptions());
        var rows = await world.AttendanceRowsAsync();
        Assert.Equal(4, rows.Count);
        Assert.Single(rows, r => r.StudentId == student.ProfileId);
        Assert.Equal(rows.Count(r => r.IsPresent), await world.AttendedCountAsync());
        Assert.All(await world.RegistrationsAsync(), r => Assert.NotEqual(RegistrationStatus.Attended, r.Status));
    }
}
