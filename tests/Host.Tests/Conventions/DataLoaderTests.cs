using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Conventions.Library;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Conventions;

public sealed class DataLoaderTests
{
    private const string AuthorsWithBooks = """
        query($first: Int) {
          authors(first: $first) { nodes { id name books { title author { name } } } }
        }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Parents_with_children_take_the_same_few_statements_for_10_or_100_parents(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await SeedAsync(library, authors: 100);

        var ten = await library.QueryAsync(AuthorsWithBooks, new { first = 10 });
        var tenStatements = library.Sql.Statements.Count;
        var hundred = await library.QueryAsync(AuthorsWithBooks, new { first = 100 });
        var hundredStatements = library.Sql.Statements.Count;

        AssertBooksBelongToTheirAuthors(ten, 10);
        AssertBooksBelongToTheirAuthors(hundred, 100);
        // The page of authors, one batch of their books, one batch of the books' authors.
        Assert.Equal(3, tenStatements);
        Assert.Equal(3, hundredStatements);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sibling_connections_resolved_in_parallel_share_one_batch_per_loader(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await SeedAsync(library, authors: 60);

        var body = await library.QueryAsync("""
            {
              a: authors(first: 40) { nodes { id name books { title author { name } } } }
              b: authors(last: 40) { nodes { id name books { title author { name } } } }
              c: books(first: 5, order: [{ title: ASC }]) { nodes { title author { name } } }
            }
            """);

        Assert.True(body["errors"] is null, body.ToJson());
        AssertBooksBelongToTheirAuthors(body, 40, "a");
        AssertBooksBelongToTheirAuthors(body, 40, "b");
        Assert.Equal("Author 01", body["data"]!["c"]!["nodes"]![0]!["author"]!["name"]!.GetValue<string>());
        // Three pages; one batch of books for a and b together; authors once per depth they are
        // asked at: c's books' authors (depth 3), then a's and b's books' authors (depth 4).
        Assert.Equal(6, library.Sql.Statements.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Loaded_rows_are_reused_within_a_request_but_not_across_requests(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await SeedAsync(library, authors: 1);
        const string Query = "{ books { nodes { author { name } again: author { name } } } }";

        var before = await library.QueryAsync(Query);
        await using (var db = await library.CreateDbContextAsync())
        {
            db.Authors.Single().Name = "Renamed";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var after = await library.QueryAsync(Query);

        Assert.Equal("""{"data":{"books":{"nodes":[{"author":{"name":"Author 01"},"again":{"name":"Author 01"}},{"author":{"name":"Author 01"},"again":{"name":"Author 01"}}]}}}""", before.ToJson());
        Assert.Equal(2, library.Sql.Statements.Count);
        Assert.Equal("Renamed", after["data"]!["books"]!["nodes"]![0]!["author"]!["name"]!.GetValue<string>());
    }

    private static async Task SeedAsync(LibraryApp library, int authors)
    {
        var rows = Enumerable.Range(1, authors).Select(i => new Author { Name = $"Author {i:00}" }).ToArray();
        await library.AddAsync(rows);
        await library.AddAsync([.. rows.SelectMany(a => "ba".Select(suffix => new Book
        {
            AuthorId = a.Id,
            Title = $"{a.Name} {suffix}",
            PublishedAt = DateTime.UtcNow,
        }))]);
    }

    private static void AssertBooksBelongToTheirAuthors(JsonObject body, int count, string field = "authors")
    {
        Assert.True(body["errors"] is null, body.ToJson());
        var authors = body["data"]![field]!["nodes"]!.AsArray();
        Assert.Equal(count, authors.Count);
        foreach (var author in authors)
        {
            var name = author!["name"]!.GetValue<string>();
            var books = author["books"]!.AsArray();
            Assert.Equal([$"{name} a", $"{name} b"], books.Select(b => b!["title"]!.GetValue<string>()));
            Assert.All(books, b => Assert.Equal(name, b!["author"]!["name"]!.GetValue<string>()));
        }
    }
}
