using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Conventions.Library;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Conventions;

public sealed class ConnectionLimitTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_page_is_one_statement_and_total_count_adds_one_only_when_selected(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync([.. Enumerable.Range(1, 12).Select(i => new Author { Name = $"A{i:00}", IsActive = i % 3 != 0 })]);
        var first = await library.QueryAsync("{ authors(first: 2) { pageInfo { endCursor } } }");
        var after = first["data"]!["authors"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var page = await library.QueryAsync(
            "query($after: String) { authors(first: 3, after: $after, where: { isActive: { eq: true } }, order: [{ name: DESC }]) { nodes { name } } }",
            new { after = (string?)null });
        var pageStatements = library.Sql.Statements;
        var withCount = await library.QueryAsync(
            "query($after: String) { authors(first: 3, after: $after, where: { isActive: { eq: true } }) { totalCount nodes { name } } }",
            new { after });
        var countStatements = library.Sql.Statements;

        Assert.Equal(3, page["data"]!["authors"]!["nodes"]!.AsArray().Count);
        var sql = Assert.Single(pageStatements);
        Assert.DoesNotContain("OFFSET", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("LIMIT", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(8, withCount["data"]!["authors"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(["A04", "A05", "A07"], withCount["data"]!["authors"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.Equal(2, countStatements.Count);
        Assert.Contains("COUNT(", countStatements[1], StringComparison.OrdinalIgnoreCase);

        var inFragment = await library.QueryAsync("{ list: authors(first: 1) { ...Counted } } fragment Counted on AuthorConnection { total: totalCount }");
        Assert.Equal(12, inFragment["data"]!["list"]!["total"]!.GetValue<int>());
        Assert.Equal(2, library.Sql.Statements.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_hold_25_rows_by_default_and_100_at_most(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync([.. Enumerable.Range(1, 105).Select(i => new Author { Name = $"A{i:000}" })]);

        var byDefault = await library.QueryAsync("{ authors { totalCount nodes { name } pageInfo { hasNextPage } } }");
        var hundred = await library.QueryAsync("{ authors(first: 100) { nodes { name } pageInfo { hasNextPage } } }");
        var onlyBefore = await library.QueryAsync("{ authors(first: 1) { pageInfo { endCursor } } }");
        var cursor = onlyBefore["data"]!["authors"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var backwards = await library.QueryAsync("query($c: String) { authors(before: $c) { nodes { name } } }", new { c = cursor });

        Assert.Equal(25, byDefault["data"]!["authors"]!["nodes"]!.AsArray().Count);
        Assert.Equal(105, byDefault["data"]!["authors"]!["totalCount"]!.GetValue<int>());
        Assert.True(byDefault["data"]!["authors"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(100, hundred["data"]!["authors"]!["nodes"]!.AsArray().Count);
        Assert.True(hundred["data"]!["authors"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Empty(backwards["data"]!["authors"]!["nodes"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_arguments_are_refused_with_a_code_before_any_sql(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync(new Author { Name = "Mira", BirthYear = 1990 }, new Author { Name = "Zoya" });
        var byName = await library.QueryAsync("{ authors(first: 1, order: [{ name: ASC }]) { pageInfo { endCursor } } }");
        var nameCursor = byName["data"]!["authors"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var cases = new (string Arguments, string Code)[]
        {
            ("first: 101", "PAGE_SIZE_TOO_LARGE"),
            ("last: 101", "PAGE_SIZE_TOO_LARGE"),
            ("first: -1", "INVALID_PAGE_SIZE"),
            ("last: -5", "INVALID_PAGE_SIZE"),
            ("first: 1, last: 1", "INVALID_PAGINATION"),
            ("after: \"not a cursor!\"", "INVALID_CURSOR"),
            ("before: \"WzEsMl0\"", "INVALID_CURSOR"),
            ("after: \"" + System.Buffers.Text.Base64Url.EncodeToString("[\"name:asc,id:asc\",\"Mira\",\"x\"]"u8) + "\", order: [{ name: ASC }]", "INVALID_CURSOR"),
            ($"after: \"{nameCursor}\", order: [{{ birthYear: ASC }}]", "INVALID_CURSOR"),
            ($"after: \"{nameCursor}\"", "INVALID_CURSOR"),
            ("order: [{ name: ASC, birthYear: DESC }]", "INVALID_SORT"),
            ("order: [{ }]", "INVALID_SORT"),
            ("where: { name: { in: [" + string.Join(',', Enumerable.Range(0, 101).Select(i => $"\"n{i}\"")) + "] } }", "TOO_MANY_ITEMS"), // the list maximum, checked in validation
            ("where: { and: [{ and: [{ and: [{ and: [{ and: [{ and: [{ name: { eq: \"x\" } }] }] }] }] }] }] }", "INVALID_FILTER"),
        };

        foreach (var (arguments, code) in cases)
        {
            var body = await library.QueryAsync($"{{ authors({arguments}) {{ nodes {{ name }} }} }}");

            var error = body["errors"]?[0];
            Assert.True(error?["extensions"]?["code"]?.GetValue<string>() == code, $"{arguments}: {body.ToJson()}");
            Assert.True(error["message"]!.GetValue<string>().Length > 10, $"{arguments}: the message says why");
            Assert.True(body["data"] is null or JsonObject { Count: 0 } || body["data"]!["authors"] is null, $"{arguments}: {body.ToJson()}");
            Assert.Empty(library.Sql.Statements);
        }
    }
}
