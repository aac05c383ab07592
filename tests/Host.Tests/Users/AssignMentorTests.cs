using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>assignMentor</c> (500 per call, history, audit) and the <c>students</c>/<c>users</c> lists.</summary>
public sealed class AssignMentorTests
{
    private const string Assign = """
        mutation($input: AssignMentorInput!) { assignMentor(input: $input) { assignedCount mentor { employeeId } userErrors { code field } } }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Five_hundred_students_get_a_mentor_in_one_call_and_501_are_refused(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        var (_, oldMentor) = await app.MentorAsync("old", "EMP0");
        var (_, mentor) = await app.MentorAsync("guru", "EMP1");
        var students = await app.StudentsAsync("s", 501, oldMentor);
        var ct = TestContext.Current.CancellationToken;
        var ids = students.Select(s => AdminSeed.Id("Student", s)).ToList();

        var refused = await app.QueryAsync(Assign, admin, new { input = new { mentorId = AdminSeed.Id("Mentor", mentor), studentIds = ids } });
        // The schema declares studentIds' maximum (500): more are a request error, refused before the resolver runs.
        Assert.Equal(["TOO_MANY_ITEMS"], refused.ErrorCodes());
        Assert.Contains("'input.studentIds' of 'assignMentor' takes at most 500 items; 501 were given.", refused.ErrorMessages(), StringComparison.Ordinal);

        var unknown = await app.QueryAsync(Assign, admin, new { input = new { mentorId = AdminSeed.Id("Mentor", mentor), studentIds = new[] { ids[0], AdminSeed.Id("Student", 999_999) } } });
        Assert.Equal(["STUDENT_NOT_FOUND input.studentIds.1"], unknown.UserErrorPaths("assignMentor"));

        var done = await app.QueryAsync(Assign, admin, new { input = new { mentorId = AdminSeed.Id("Mentor", mentor), studentIds = ids.Take(500) } });
        var assigned = done.Data<Assigned>("assignMentor");
        Assert.Empty(assigned.UserErrors);
        Assert.Equal((500, "EMP1"), (assigned.AssignedCount, assigned.Mentor?.EmployeeId));

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(500, await db.Students.CountAsync(s => s.MentorId == mentor, ct));
        Assert.Equal(1, await db.Students.CountAsync(s => s.MentorId == oldMentor, ct));
        var history = await db.MentorAssignments.ToListAsync(ct);
        Assert.Equal(500, history.Count);
        Assert.All(history, h => Assert.Equal((oldMentor, mentor), (h.OldMentorId, h.NewMentorId)));
        Assert.Equal(["mentor.assigned"], await app.AuditActionsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mentors_see_only_their_mentees_admins_all_and_students_are_forbidden(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        var (guruUser, guru) = await app.MentorAsync("guru", "EMP1");
        var (_, other) = await app.MentorAsync("other", "EMP2");
        await app.StudentsAsync("mine", 3, guru, semester: 5);
        await app.StudentsAsync("theirs", 2, other, semester: 5, department: "ECE");
        const string Query = "query($s: String) { students(search: $s, order: [{ usn: ASC }]) { totalCount nodes { usn user { username email } } } }";

        var mentor = await app.QueryAsync(Query, TestAuthenticationHandler.Token($"{guruUser}", "mentor"));
        Assert.Empty(mentor.ErrorCodes());
        Assert.Equal(["1XXMINE0000", "1XXMINE0001", "1XXMINE0002"], Usns(mentor));
        var searched = await app.QueryAsync(Query, TestAuthenticationHandler.Token($"{guruUser}", "mentor"), new { s = "THEIRS" });
        Assert.Empty(Usns(searched));

        var all = await app.QueryAsync(Query, admin);
        Assert.Equal(5, all.Data("students")["totalCount"]!.GetValue<int>());
        var filtered = await app.QueryAsync("""{ students(where: { department: { eq: "ece" } }) { nodes { usn } } }""", admin);
        Assert.Equal(["1XXTHEIRS0000", "1XXTHEIRS0001"], Usns(filtered));

        Assert.Equal(["FORBIDDEN"], (await app.QueryAsync(Query, TestAuthenticationHandler.Token("5", "student"))).ErrorCodes());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Admins_filter_and_search_users(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        await app.MentorAsync("guru", "EMP1", "ECE");
        await app.StudentsAsync("cse", 2, semester: 2);
        await app.StudentsAsync("ece", 1, semester: 4, department: "ECE");

        async Task<string[]> Names(string args)
        {
            var body = await app.QueryAsync($"{{ users({args}) {{ nodes {{ username }} }} }}", admin);
            Assert.Empty(body.ErrorCodes());
            return [.. body.Data("users")["nodes"]!.AsArray().Select(n => n!["username"]!.GetValue<string>())];
        }

        Assert.Equal(["guru"], await Names("where: { userType: { eq: MENTOR } }"));
        Assert.Equal(["ece0", "guru"], await Names("department: \"ece\""));
        Assert.Equal(["ece0"], await Names("semester: 4"));
        Assert.Equal(["cse1"], await Names("search: \"XXCSE0001\""));
        Assert.Equal(["cse0", "cse1"], await Names("search: \"CSE\", where: { isActive: { eq: true } }"));
        Assert.Equal(["root", "guru"], await Names("where: { userType: { in: [ADMIN, MENTOR] } }, order: [{ username: DESC }]"));
    }

    private static string[] Usns(System.Text.Json.Nodes.JsonObject body) =>
        [.. body.Data("students")["nodes"]!.AsArray().Select(n => n!["usn"]!.GetValue<string>())];

    private sealed record Assigned(int AssignedCount, AssignedMentor? Mentor, IReadOnlyList<AnsweredUserError> UserErrors);

    private sealed record AssignedMentor(string EmployeeId);
}
