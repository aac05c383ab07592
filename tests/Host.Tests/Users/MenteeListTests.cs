using CertifyTrack.Host.Tests.Infrastructure;
using static CertifyTrack.Host.Tests.Infrastructure.TestAuthenticationHandler;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// <c>Mentor.mentees</c>: the mentor's own students, for the mentor and admins, with the
/// students list's filters, sorting and page limits; a mentee who loads their mentor is refused on
/// the field, and another mentor does not get the Mentor object at all (its node policy).
/// </summary>
public sealed class MenteeListTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mentor_lists_their_own_mentees_with_filters_sorting_and_paging(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var college = await College.SeedAsync(app);
        var mentor = Token($"{college.M1User}", "mentor");

        var sorted = await app.QueryAsync("{ me { mentor { mentees(order: [{ usn: DESC }]) { totalCount nodes { usn user { username } } } } } }", mentor);
        Assert.Empty(sorted.ErrorCodes());
        Assert.Equal(
            """{"totalCount":2,"nodes":[{"usn":"1XXMINE0001","user":{"username":"mine1"}},{"usn":"1XXMINE0000","user":{"username":"mine0"}}]}""",
            sorted.Data("me")["mentor"]!["mentees"].ToJson());

        var filtered = await app.QueryAsync("""{ me { mentor { mentees(where: { usn: { startsWith: "1xxmine0001" } }) { nodes { usn } } } } }""", mentor);
        Assert.Equal("""[{"usn":"1XXMINE0001"}]""", filtered.Data("me")["mentor"]!["mentees"]!["nodes"].ToJson());

        var first = await app.QueryAsync("{ me { mentor { mentees(first: 1) { nodes { usn } pageInfo { hasNextPage endCursor } } } } }", mentor);
        var page = first.Data("me")["mentor"]!["mentees"]!;
        Assert.Equal("""[{"usn":"1XXMINE0000"}]""", page["nodes"].ToJson());
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var next = await app.QueryAsync(
            "query($after: String) { me { mentor { mentees(first: 1, after: $after) { nodes { usn } pageInfo { hasNextPage } } } } }",
            mentor, new { after = page["pageInfo"]!["endCursor"]!.GetValue<string>() });
        Assert.Equal("""{"nodes":[{"usn":"1XXMINE0001"}],"pageInfo":{"hasNextPage":false}}""", next.Data("me")["mentor"]!["mentees"].ToJson());

        var tooMany = await app.QueryAsync("{ me { mentor { mentees(first: 101) { totalCount } } } }", mentor);
        Assert.Equal(["PAGE_SIZE_TOO_LARGE"], tooMany.ErrorCodes());
        var longOrder = string.Join(", ", Enumerable.Repeat("{ usn: ASC }", 11));
        var tooManyTerms = await app.QueryAsync($"{{ me {{ mentor {{ mentees(order: [{longOrder}]) {{ totalCount }} }} }} }}", mentor);
        Assert.Equal(["TOO_MANY_ITEMS"], tooManyTerms.ErrorCodes());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Admins_list_any_mentors_mentees_and_nobody_else_lists_them(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var college = await College.SeedAsync(app);
        var query = $$"""{ node(id: "{{AdminSeed.Id("Mentor", college.M2)}}") { ... on Mentor { employeeId mentees { totalCount nodes { usn } } } } }""";

        var admin = await app.QueryAsync(query, Token($"{college.Admin}", "admin"));
        Assert.Equal("""{"data":{"node":{"employeeId":"EMP2","mentees":{"totalCount":1,"nodes":[{"usn":"1XXOTHER0000"}]}}}}""", admin.ToJson());

        // Another mentor cannot load the Mentor at all: no object, no error (no existence oracle).
        var otherMentor = await app.QueryAsync(query, Token($"{college.M1User}", "mentor"));
        Assert.Equal("""{"data":{"node":null}}""", otherMentor.ToJson());

        // A mentee sees their mentor, but not the mentor's other students.
        var mentee = await app.QueryAsync(
            "{ me { student { mentor { employeeId mentees { totalCount nodes { usn } } } } } }", Token($"{college.S1User}", "student"));
        Assert.Equal("""{"employeeId":"EMP1","mentees":null}""", mentee.Data("me")["student"]!["mentor"].ToJson());
        Assert.Equal(["FORBIDDEN"], mentee.ErrorCodes());
        Assert.Equal("me.student.mentor.mentees", string.Join('.', mentee["errors"]![0]!["path"]!.AsArray().Select(p => p!.ToString())));
    }
}
