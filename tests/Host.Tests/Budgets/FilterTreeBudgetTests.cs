using CertifyTrack.Host.Tests.Conventions.Library;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;

namespace CertifyTrack.Host.Tests.Budgets;

/// <summary>
/// <c>where</c> trees are bounded in width (100 per <c>and</c>/<c>or</c>) and in total conditions
/// (500, each <c>in</c> value counting), refused before any SQL, and built balanced: a
/// 20,000-wide <c>or</c> once overflowed the stack in EF Core and killed the host.
/// </summary>
public sealed class FilterTreeBudgetTests
{
    private const string AuthorsWhere = "query($w: AuthorFilter) { authors(where: $w, first: 100) { nodes { name } } }";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_20000_wide_or_list_is_refused_before_any_sql_and_the_host_keeps_serving(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync(new Author { Name = "Alice", IsActive = true });

        var byVariable = await library.QueryAsync(AuthorsWhere, new { w = new { or = NameEquals(20_000) } });
        Assert.Equal(["TOO_MANY_ITEMS"], byVariable.ErrorCodes());
        Assert.Contains("'where.or' of 'authors' takes at most 100 items; 20000 were given.", byVariable.ErrorMessages(), StringComparison.Ordinal);
        Assert.Empty(library.Sql.Statements);

        var byLiteral = await library.QueryAsync("{ authors(where: { or: [" + string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"{{ name: {{ eq: \"n{i}\" }} }}")) + "] }) { nodes { name } } }");
        Assert.Equal(["MAX_DOCUMENT_BYTES_EXCEEDED"], byLiteral.ErrorCodes());
        Assert.Empty(library.Sql.Statements);

        var wideLiteral = await library.QueryAsync("{ authors(where: { or: [" + string.Join(", ", Enumerable.Repeat("{ name: { eq: \"x\" } }", 101)) + "] }) { nodes { name } } }");
        Assert.Equal(["TOO_MANY_ITEMS"], wideLiteral.ErrorCodes());
        Assert.Empty(library.Sql.Statements);

        var after = await library.QueryAsync("{ authors { nodes { name } } }");
        Assert.Equal("""{"data":{"authors":{"nodes":[{"name":"Alice"}]}}}""", after.ToJson());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task More_than_500_conditions_are_refused_before_any_sql(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);

        var nested = Enumerable.Range(0, 100).Select(_ => new { and = NameEquals(6) }).ToArray(); // 600 conditions, 100 wide
        var refused = await library.QueryAsync(AuthorsWhere, new { w = new { or = nested } });
        Assert.Equal(["INVALID_FILTER"], refused.ErrorCodes());
        Assert.Contains("at most 500 conditions", refused.ToJson(), StringComparison.Ordinal);
        Assert.Empty(library.Sql.Statements);

        var values = Enumerable.Range(0, 100).Select(i => $"n{i}").ToArray();
        var ins = Enumerable.Range(0, 6).Select(_ => new { name = new { @in = values } }).ToArray(); // 6 x 100 values
        var refusedIn = await library.QueryAsync(AuthorsWhere, new { w = new { and = ins } });
        Assert.Equal(["INVALID_FILTER"], refusedIn.ErrorCodes());
        Assert.Empty(library.Sql.Statements);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_largest_tree_allowed_runs_in_one_statement(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync(
            new Author { Name = "author7", City = "Pune", BirthYear = 1950, IsActive = true },
            new Author { Name = "author42", BirthYear = 1990, IsActive = true },
            new Author { Name = "author99", BirthYear = 1990, IsActive = false },
            new Author { Name = "other", BirthYear = 1990, IsActive = true });

        var body = await library.QueryAsync(AuthorsWhere, new { w = new { or = LargestTree("name") } });

        Assert.True(body["errors"] is null, body.ToJson());
        Assert.Equal("""{"data":{"authors":{"nodes":[{"name":"author7"},{"name":"author42"}]}}}""", body.ToJson());
        Assert.Single(library.Sql.Statements);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_users_list_refuses_a_20000_wide_or_and_runs_the_largest_tree(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        await app.StudentsAsync("author", 3);
        const string Users = "query($w: UserFilter) { users(where: $w, first: 100) { nodes { username } } }";

        var refused = await app.QueryAsync(Users, admin, new { w = new { or = Enumerable.Range(0, 20_000).Select(i => new { username = new { eq = $"n{i}" } }) } });
        Assert.Equal(["TOO_MANY_ITEMS"], refused.ErrorCodes());

        // 100 wide, 500 conditions: author0 and author1 match one branch each.
        var tree = Enumerable.Range(0, 100).Select(i => new
        {
            and = new object[]
            {
                new { username = new { eq = $"author{i}" } }, new { isActive = new { eq = true } },
                new { username = new { startsWith = "auth" } }, new { username = new { neq = "nobody" } }, new { username = new { contains = "or" } },
            },
        });
        var body = await app.QueryAsync(Users, admin, new { w = new { or = tree } });
        Assert.True(body["errors"] is null, body.ToJson());
        Assert.Equal(["author0", "author1", "author2"], body["data"]!["users"]!["nodes"]!.AsArray().Select(n => n!["username"]!.GetValue<string>()).Order());
    }

    private static object[] NameEquals(int count) => [.. Enumerable.Range(0, count).Select(i => new { name = new { eq = $"n{i}" } })];

    /// <summary>100 branches of 5 conditions each: 500, the most one filter may hold.</summary>
    private static object[] LargestTree(string field) =>
    [
        .. Enumerable.Range(0, 100).Select(i => new
        {
            and = new object[]
            {
                new Dictionary<string, object> { [field] = new { eq = $"author{i}" } },
                new { isActive = new { eq = true } },
                new { birthYear = new { gte = 1900 } },
                new { city = new { neq = "Nowhere" } },
                new Dictionary<string, object> { [field] = new { contains = "AUTHOR" } },
            },
        }),
    ];
}
