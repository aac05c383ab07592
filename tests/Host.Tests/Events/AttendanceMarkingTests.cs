using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Events.Domain;

namespace CertifyTrack.Host.Tests.Events;

/// <summary><c>markAttendance</c> through /graphql: lists and CSV, unknown and unregistered students by entry, idempotence, audit.</summary>
public sealed class AttendanceMarkingTests
{
    internal const string Mark = """
        mutation($input: MarkAttendanceInput!) {
          markAttendance(input: $input) { marked event { id attendedCount } userErrors { code message field } }
        }
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organizer_marks_a_list_and_marking_it_again_changes_nothing(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        var (a, b, c) = (world.Attendees[0], world.Attendees[1], world.Attendees[2]);
        var entries = new object[]
        {
            new { studentId = a.StudentId, present = true },
            new { usn = (await world.UsnAsync(b)).ToLowerInvariant(), present = true },
            new { studentId = c.StudentId, present = false },
            new { studentId = a.StudentId, present = true },   // the same mark twice is one mark
        };

        var first = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId, entries } });
        var again = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId, entries } });

        Assert.Empty(first.UserErrors("markAttendance"));
        Assert.Equal(3, first.Field("markAttendance")!["marked"]!.GetValue<int>());
        Assert.Equal(2, first.Field("markAttendance")!["event"]!["attendedCount"]!.GetValue<int>());
        Assert.Empty(again.UserErrors("markAttendance"));
        Assert.Equal(0, again.Field("markAttendance")!["marked"]!.GetValue<int>());
        Assert.Equal(2, again.Field("markAttendance")!["event"]!["attendedCount"]!.GetValue<int>());
        var rows = await world.AttendanceRowsAsync();
        Assert.Equal([(a.ProfileId!.Value, true), (b.ProfileId!.Value, true), (c.ProfileId!.Value, false)], rows.Select(r => (r.StudentId, r.IsPresent)).OrderBy(r => r.StudentId));
        Assert.All(rows, r => Assert.Equal(world.Clubs.Secretary.UserId, r.MarkedById));
        Assert.Equal(2, await world.AttendedCountAsync());
        Assert.All(await world.RegistrationsAsync(), r => Assert.NotEqual(RegistrationStatus.Attended, r.Status));   // before completion: unchanged

        var audit = await world.AsAsync(world.Clubs.Admin, """{ auditLog(first: 10, where: { action: { eq: "event.attendance_marked" } }) { nodes { entityId changes } } }""");
        var nodes = audit.Field("auditLog")!["nodes"]!.AsArray();
        Assert.Equal(2, nodes.Count);
        Assert.Contains(nodes, n => n!["changes"]!.ToJsonString().Contains($"\"studentId\":{c.ProfileId}", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unknown_and_unregistered_students_are_reported_by_entry_and_the_valid_ones_apply(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        var a = world.Attendees[0];
        var entries = new object[]
        {
            new { studentId = a.StudentId, present = true },
            new { usn = "NOSUCHUSN1", present = true },
            new { studentId = world.Stranger.StudentId, present = true },
            new { studentId = world.Waitlisted.StudentId, present = true },
            new { studentId = world.Clubs.Coordinator.MentorId, present = true },
            new { studentId = world.Attendees[1].StudentId, usn = "X1", present = true },
            new { present = true },
            new { studentId = a.StudentId, present = false },
            new { usn = "@SUM(A1)", present = true },
        };

        var response = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId, entries } });

        Assert.Equal(
            ["UNKNOWN_STUDENT input.entries.1", "STUDENT_NOT_REGISTERED input.entries.2", "STUDENT_NOT_REGISTERED input.entries.3",
             "INVALID_ID input.entries.4", "ATTENDANCE_ENTRY_INVALID input.entries.5", "ATTENDANCE_ENTRY_INVALID input.entries.6",
             "CONFLICTING_ENTRIES input.entries.7", "ATTENDANCE_ENTRY_INVALID input.entries.8"],
            response.Body.UserErrorPaths("markAttendance"));
        Assert.Equal(1, response.Field("markAttendance")!["marked"]!.GetValue<int>());
        Assert.Equal([a.ProfileId!.Value], (await world.AttendanceRowsAsync()).Where(r => r.IsPresent).Select(r => r.StudentId));
        Assert.Equal(1, await world.AttendedCountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_csv_applies_its_good_lines_and_names_every_bad_one(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        var usns = new List<string>();
        foreach (var student in world.Attendees)
        {
            usns.Add(await world.UsnAsync(student));
        }

        var csv = string.Join("\r\n",
            "USN, Present",
            $"{usns[0]},yes",
            $"\"{usns[1].ToLowerInvariant()}\",\"1\"",
            $"=HYPERLINK(\"http://evil\"),yes",
            $"+{usns[2]},true",
            $"{usns[2]},maybe",
            "",
            $"\"{usns[3]}\"\"\",true",
            "NOSUCHUSN1,true",
            $"{await world.UsnAsync(world.Stranger)},true",
            $"{usns[3]},absent");

        var response = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId, csv } });

        Assert.Equal(
            ["CSV_LINE_INVALID input.csv.4", "CSV_LINE_INVALID input.csv.5", "CSV_LINE_INVALID input.csv.6", "CSV_LINE_INVALID input.csv.8",
             "UNKNOWN_STUDENT input.csv.9", "STUDENT_NOT_REGISTERED input.csv.10"],
            response.Body.UserErrorPaths("markAttendance"));
        Assert.Equal(3, response.Field("markAttendance")!["marked"]!.GetValue<int>());
        Assert.Equal(2, await world.AttendedCountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Oversized_input_is_refused_whole_with_a_clear_error(string provider)
    {
        await using var world = await AttendanceWorld.StartAsync(provider);
        var usn = await world.UsnAsync(world.Attendees[0]);
        var tenThousandLines = string.Concat(Enumerable.Repeat($"{usn},yes\n", 10_000));
        var oneHugeLine = new string('A', 150_000) + ",yes";
        var tooMany = Enumerable.Repeat(new { studentId = world.Attendees[0].StudentId, present = true }, 1001).ToArray();

        var lines = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId, csv = tenThousandLines } });
        var huge = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId, csv = oneHugeLine } });
        var both = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId, csv = $"{usn},yes", entries = Array.Empty<object>() } });
        var neither = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId } });
        var list = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId, entries = tooMany } });
        var nul = await world.AsAsync(world.Clubs.Secretary, Mark, new { input = new { eventId = world.EventId, csv = $"{usn}\0,yes" } });

        Assert.Equal(["CSV_TOO_LARGE input.csv"], lines.Body.UserErrorPaths("markAttendance"));
        Assert.Equal(["CSV_TOO_LARGE input.csv"], huge.Body.UserErrorPaths("markAttendance"));
        Assert.Equal(["ENTRIES_OR_CSV_REQUIRED input"], both.Body.UserErrorPaths("markAttendance"));
        Assert.Equal(["ENTRIES_OR_CSV_REQUIRED input"], neither.Body.UserErrorPaths("markAttendance"));
        Assert.Equal(["TOO_MANY_ITEMS"], list.ErrorCodes);
        Assert.Equal(["INVALID_TEXT"], nul.ErrorCodes);   // the platform refuses control characters in any input text
        Assert.Empty(await world.AttendanceRowsAsync());
    }
}
