using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Conventions.Library;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Conventions;

public sealed class CursorTests
{
    private const string Page = """
        query Page($first: Int, $after: String, $last: Int, $before: String, $order: [AuthorSort!]) {
          authors(first: $first, after: $after, last: $last, before: $before, order: $order) {
            edges { cursor node { name } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cursor_stays_put_when_rows_are_added_before_it_or_its_row_is_deleted(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync([.. "Bela Dev Farah Kabir Mira Zoya".Split(' ').Select(n => new Author { Name = n })]);
        var first = await library.QueryAsync(Page, new { first = 3, order = new[] { new { name = "ASC" } } });
        Assert.Equal(["Bela", "Dev", "Farah"], Names(first));
        var cursor = first["data"]!["authors"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        await library.AddAsync(new Author { Name = "Aarav" }, new Author { Name = "Chandra" }, new Author { Name = "Esha" }, new Author { Name = "Lata" });
        await using (var db = await library.CreateDbContextAsync())
        {
            db.Authors.Remove(db.Authors.Single(a => a.Name == "Farah"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var next = await library.QueryAsync(Page, new { first = 3, after = cursor, order = new[] { new { name = "ASC" } } });

        Assert.Equal(["Kabir", "Lata", "Mira"], Names(next));
        var pageInfo = next["data"]!["authors"]!["pageInfo"]!;
        Assert.True(pageInfo["hasNextPage"]!.GetValue<bool>());
        Assert.True(pageInfo["hasPreviousPage"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task First_and_before_or_last_and_after_read_between_two_cursors(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync(Enumerable.Range(1, 10).Select(i => new Author { Name = $"A{i:00}" }).ToArray());
        var all = await library.QueryAsync(Page, new { first = 10 });
        var cursors = all["data"]!["authors"]!["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()).ToList();

        var firstBefore = await library.QueryAsync(Page, new { first = 2, after = cursors[2], before = cursors[7] });
        var lastAfter = await library.QueryAsync(Page, new { last = 2, after = cursors[2], before = cursors[7] });

        Assert.Equal(["A04", "A05"], Names(firstBefore));
        Assert.Equal(["A06", "A07"], Names(lastAfter));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Date_and_nullable_number_keys_page_like_the_rest(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        var author = new Author { Name = "Mira" };
        await library.AddAsync(author);
        var start = new DateTime(2024, 1, 1, 8, 30, 0, DateTimeKind.Utc).AddTicks(1234560);
        await library.AddAsync([.. Enumerable.Range(0, 9).Select(i => new Book
        {
            AuthorId = author.Id,
            Title = $"B{i}",
            PublishedAt = start.AddHours(i % 4),
            Rating = i % 3 == 0 ? null : i % 4,
        })]);
        var books = Enumerable.Range(0, 9).Select(i => (Title: $"B{i}", Published: i % 4, Rating: i % 3 == 0 ? (int?)null : i % 4)).ToList();
        var byDate = books.OrderByDescending(b => b.Published).ThenBy(b => b.Title).Select(b => b.Title);
        var byRating = books.OrderBy(b => b.Rating is null).ThenBy(b => b.Rating).ThenBy(b => b.Title).Select(b => b.Title);

        Assert.Equal(byDate, await ReadBooksAsync(library, "[]"));
        Assert.Equal(byRating, await ReadBooksAsync(library, "[{ rating: ASC }]"));
    }

    private static List<string> Names(JsonObject body) =>
        body["data"]!["authors"]!["edges"]!.AsArray().Select(e => e!["node"]!["name"]!.GetValue<string>()).ToList();

    private static async Task<List<string>> ReadBooksAsync(LibraryApp library, string order)
    {
        var query = "query($after: String) { books(first: 2, after: $after, order: " + order + ") { nodes { title } pageInfo { hasNextPage endCursor } } }";
        var titles = new List<string>();
        string? after = null;
        do
        {
            var connection = (await library.QueryAsync(query, new { after }))["data"]!["books"]!;
            titles.AddRange(connection["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
            after = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? connection["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return titles;
    }
}
