using System.Globalization;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL.Relay;
using static CertifyTrack.Host.Tests.Infrastructure.TestAuthenticationHandler;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// Object-level authorization of the Users node types, attacked as a student and as a mentor would:
/// <c>nodes</c> walked over sequential ids of every type, ids of the wrong type, aliases, and the
/// fields that lead from one object to another. Nothing comes back that the policy does not allow.
/// </summary>
public sealed class NodeAuthorizationTests
{
    private static readonly string[] NodeTypes = ["User", "Student", "Mentor", "AuditLogEntry", "Notification"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Walking_nodes_over_sequential_ids_finds_only_what_the_policy_allows(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var college = await College.SeedAsync(app);

        // Student s1 (mentor m1): themselves and their own mentor.
        Assert.Equal(
            Expect(users: [college.S1User, college.M1User], students: [college.S1], mentors: [college.M1], notifications: [college.S1Notification]),
            await WalkAsync(app, college, Token($"{college.S1User}", "student")));
        // Mentor m1: themselves and their two mentees, not s3 (m2's) nor s4 (nobody's), nor mentor m2.
        Assert.Equal(
            Expect(users: [college.M1User, college.S1User, college.S2User], students: [college.S1, college.S2], mentors: [college.M1], notifications: [college.M1Notification]),
            await WalkAsync(app, college, Token($"{college.M1User}", "mentor")));
        // A student without a mentor: only themselves.
        Assert.Equal(Expect(users: [college.S4User], students: [college.S4]), await WalkAsync(app, college, Token($"{college.S4User}", "student")));
        // Roles in the token grant nothing by themselves: a "mentor" token of a user who mentors nobody.
        Assert.Equal(Expect(users: [college.S4User], students: [college.S4]), await WalkAsync(app, college, Token($"{college.S4User}", "mentor")));
        Assert.Equal(Expect(), await WalkAsync(app, college, token: null));

        var admin = await WalkAsync(app, college, Token($"{college.Admin}", "admin"));
        Assert.Equal(college.AllUsers.Order(), admin["User"]);
        Assert.Equal(college.AllStudents.Order(), admin["Student"]);
        Assert.Equal(new[] { college.M1, college.M2 }.Order(), admin["Mentor"]);
        Assert.Equal(college.AuditEntries.Order(), admin["AuditLogEntry"]);
        Assert.Empty(admin["Notification"]); // the recipient's only, admins included
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ids_of_the_wrong_type_or_in_another_spelling_find_nothing_hidden(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var college = await College.SeedAsync(app);
        var student = Token($"{college.S1User}", "student");
        var mentor = Token($"{college.M1User}", "mentor");

        foreach (var key in new[] { college.Admin, college.M2User, college.S3User, college.S3, college.M2 })
        {
            var k = key.ToString(CultureInfo.InvariantCulture);
            string[] guesses =
            [
                GlobalId.Encode("User", k), GlobalId.Encode("user", k), GlobalId.Encode("USER", k), GlobalId.Encode("Users", k),
                GlobalId.Encode("Student", k), GlobalId.Encode("Mentor", k), GlobalId.Encode("User", "0" + k), GlobalId.Encode("User", k + " "),
                GlobalId.Encode("User", "+" + k), GlobalId.Encode("User", k + ".0"), GlobalId.Encode("User", k + ":1"), GlobalId.Encode("Student", "0" + k),
            ];
            foreach (var token in new[] { student, mentor })
            {
                var body = await app.QueryAsync(
                    "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on User { username } ... on Student { usn } ... on Mentor { employeeId } } }",
                    token, new { ids = guesses });
                Assert.Empty(body.ErrorCodes());
                var values = body.Data("nodes").AsArray().Where(n => n is not null)
                    .SelectMany(n => new[] { n!["username"], n["usn"], n["employeeId"] }).Where(v => v is not null).Select(v => v!.GetValue<string>());
                Assert.Empty(values.Intersect(College.HiddenFromS1AndM1));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Aliased_node_fields_each_go_through_the_policy(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var college = await College.SeedAsync(app);
        var hidden = new[] { ("User", college.Admin), ("User", college.M2User), ("User", college.S3User), ("User", college.S4User), ("Student", college.S3), ("Student", college.S4), ("Mentor", college.M2) };
        var visible = new[] { ("User", college.S1User), ("Student", college.S2) };
        var aliases = hidden.Concat(visible).Select((t, i) =>
            $$"""a{{i}}: node(id: "{{GlobalId.Encode(t.Item1, t.Item2)}}") { id ... on User { username firstName userType } ... on Student { usn semester mentor { id } } ... on Mentor { employeeId } }""");

        var body = await app.QueryAsync("{ " + string.Join(' ', aliases) + " }", Token($"{college.M1User}", "mentor"));

        Assert.Empty(body.ErrorCodes());
        for (var i = 0; i < hidden.Length; i++)
        {
            Assert.Null(body["data"]![$"a{i}"]);
        }

        Assert.Equal("mine0", body["data"]![$"a{hidden.Length}"]!["username"]!.GetValue<string>());
        Assert.Equal("1XXMINE0001", body["data"]![$"a{hidden.Length + 1}"]!["usn"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_student_sees_who_their_mentor_is_but_not_the_mentors_account_state(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var college = await College.SeedAsync(app);

        var body = await app.QueryAsync(
            "{ me { username student { usn mentor { department designation user { username firstName email isActive isEmailVerified lastLogin student { id } } } } } }",
            Token($"{college.S1User}", "student"));

        Assert.Equal(
            """{"username":"mine0","student":{"usn":"1XXMINE0000","mentor":{"department":"CSE","designation":"Professor","user":{"username":"mentor.one","firstName":"First","email":"mentor.one@example.edu","isActive":null,"isEmailVerified":null,"lastLogin":null,"student":null}}}}""",
            body["data"]!["me"].ToJson());
        Assert.Equal(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"], body.ErrorCodes());
        Assert.Equal(
            ["me.student.mentor.user.isActive", "me.student.mentor.user.isEmailVerified", "me.student.mentor.user.lastLogin"],
            body["errors"]!.AsArray().Select(e => string.Join('.', e!["path"]!.AsArray().Select(p => p!.ToString()))).Order());

        // Their own account state they do see.
        var own = await app.QueryAsync("{ me { email isActive isEmailVerified lastLogin } }", Token($"{college.S1User}", "student"));
        Assert.Equal("""{"data":{"me":{"email":"mine0@example.edu","isActive":true,"isEmailVerified":false,"lastLogin":null}}}""", own.ToJson());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mentor_lists_their_mentees_without_their_account_state(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var college = await College.SeedAsync(app);
        var mentor = Token($"{college.M1User}", "mentor");

        var list = await app.QueryAsync("{ students { totalCount nodes { usn user { username email } mentor { user { username } } } } }", mentor);
        Assert.Equal(
            """{"data":{"students":{"totalCount":2,"nodes":[{"usn":"1XXMINE0000","user":{"username":"mine0","email":"mine0@example.edu"},"mentor":{"user":{"username":"mentor.one"}}},{"usn":"1XXMINE0001","user":{"username":"mine1","email":"mine1@example.edu"},"mentor":{"user":{"username":"mentor.one"}}}]}}}""",
            list.ToJson());

        var state = await app.QueryAsync("{ students { nodes { usn user { isActive } } } }", mentor);
        Assert.Equal(["FORBIDDEN", "FORBIDDEN"], state.ErrorCodes());
        Assert.Equal("""[{"usn":"1XXMINE0000","user":{"isActive":null}},{"usn":"1XXMINE0001","user":{"isActive":null}}]""", state.Data("students")["nodes"].ToJson());

        // Filtering by account state would tell it as well.
        foreach (var argument in new[] { "isActive: false", "isEmailVerified: true" })
        {
            var filtered = await app.QueryAsync($"{{ students({argument}) {{ totalCount }} }}", mentor);
            Assert.Equal(["FORBIDDEN"], filtered.ErrorCodes());
        }

        // Admins read account state of anyone.
        var admin = await app.QueryAsync(
            $$"""{ node(id: "{{GlobalId.Encode("User", college.S3User)}}") { ... on User { isActive isEmailVerified email } } students(isActive: true) { totalCount } }""",
            Token($"{college.Admin}", "admin"));
        Assert.Equal("""{"data":{"node":{"isActive":true,"isEmailVerified":false,"email":"other0@example.edu"},"students":{"totalCount":4}}}""", admin.ToJson());
    }

    private static Dictionary<string, List<long>> Expect(
        long[]? users = null, long[]? students = null, long[]? mentors = null, long[]? audit = null, long[]? notifications = null) => new()
        {
            ["User"] = [.. (users ?? []).Order()],
            ["Student"] = [.. (students ?? []).Order()],
            ["Mentor"] = [.. (mentors ?? []).Order()],
            ["AuditLogEntry"] = [.. (audit ?? []).Order()],
            ["Notification"] = [.. (notifications ?? []).Order()],
        };

    /// <summary>Asks <c>nodes</c> for ids 1 … (highest id + 3) of every Users node type; returns the keys that came back, by type.</summary>
    private static async Task<Dictionary<string, List<long>>> WalkAsync(UsersApp app, College college, string? token)
    {
        var found = new Dictionary<string, List<long>>();
        foreach (var type in NodeTypes)
        {
            var ids = Enumerable.Range(1, (int)college.HighestId + 3).Select(k => GlobalId.Encode(type, k)).ToArray();
            var body = await app.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", token, new { ids });
            Assert.Empty(body.ErrorCodes());
            found[type] = [.. body.Data("nodes").AsArray().Where(n => n is not null).Select(n =>
            {
                Assert.Equal(type, n!["__typename"]!.GetValue<string>());
                Assert.True(GlobalId.TryParse(n["id"]!.GetValue<string>(), out var id));
                return long.Parse(id.Value.Key, CultureInfo.InvariantCulture);
            }).Order()];
        }

        return found;
    }
}
