using System.Globalization;
using System.Text.Json.Nodes;
using CertifyTrack.Benchmarks.Common;

namespace CertifyTrack.Events.Benchmarks;

/// <summary>
/// The world of the burst, built through <c>/graphql</c> as people would (not timed): the bootstrap
/// admin signs in, creates a mentor and a club coordinated by them, and makes a student the club's
/// president; the president creates and schedules the events.
/// </summary>
internal sealed class BurstSetup(GraphQLClient client, Uri baseAddress)
{
    private string clubId = "";

    public string OrganizerToken { get; private set; } = "";

    /// <summary>The admin, the mentor, the club and its president (a student signed in with <paramref name="organizerToken"/>).</summary>
    public async Task ClubAsync(string organizerToken)
    {
        OrganizerToken = organizerToken;
        using var http = new HttpClient { BaseAddress = baseAddress };
        var admin = await BenchStudents.SignInAsync(http, "admin", BenchHost.AdminPassword);
        var mentor = await client.SendAsync(admin, """
            mutation { createUser(input: { username: "bench.mentor", email: "bench.mentor@college.edu", firstName: "Bench", lastName: "Mentor",
              userType: MENTOR, employeeId: "EMP-BENCH", department: "CSE", designation: "Professor" }) { user { mentor { id } } userErrors { code message } } }
            """);
        var mentorId = Required(mentor, "createUser", "user", "mentor", "id");
        var club = await client.SendAsync(admin, """
            mutation($mentor: ID!) { createClub(input: { name: "Robotics", facultyCoordinatorId: $mentor }) { club { id } userErrors { code message } } }
            """, new { mentor = mentorId });
        clubId = Required(club, "createClub", "club", "id");
        var roles = await client.SendAsync(admin, "{ clubRoles { id name } }");
        var president = roles["clubRoles"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "president")!["id"]!.GetValue<string>();
        var me = await client.SendAsync(organizerToken, "{ me { student { id } } }");
        var member = await client.SendAsync(admin, """
            mutation($club: ID!, $student: ID!, $role: ID!) { addClubMember(input: { clubId: $club, studentId: $student, roleId: $role }) { member { id } userErrors { code message } } }
            """, new { club = clubId, student = Required(me, "me", "student", "id"), role = president });
        Required(member, "addClubMember", "member", "id");
    }

    /// <summary>A scheduled event of the club with <paramref name="seats"/> seats, 30 days ahead, 10:00-12:00 local; its id.</summary>
    public async Task<string> ScheduledEventAsync(string name, int seats)
    {
        var date = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await client.SendAsync(OrganizerToken, """
            mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } userErrors { code message } } }
            """, new { input = new { clubId, name, description = "A workshop for the registration burst.", eventDate = date, startTime = "10:00:00", endTime = "12:00:00", maxParticipants = seats } });
        var id = Required(created, "createEvent", "event", "id");
        var scheduled = await client.SendAsync(OrganizerToken, """
            mutation($id: ID!) { scheduleEvent(input: { eventId: $id }) { event { status } userErrors { code message } } }
            """, new { id });
        return Required(scheduled, "scheduleEvent", "event", "status") == "SCHEDULED" ? id : throw new InvalidOperationException(scheduled.ToJsonString());
    }

    private static string Required(JsonNode data, params string[] path)
    {
        var node = path.Aggregate((JsonNode?)data, (n, p) => n?[p]);
        return node?.GetValue<string>() ?? throw new InvalidOperationException($"{string.Join('.', path)} missing: {data.ToJsonString()}");
    }
}
