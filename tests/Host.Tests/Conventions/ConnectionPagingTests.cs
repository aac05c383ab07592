using CertifyTrack.Host.Tests.Conventions.Library;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Conventions;

public sealed class ConnectionPagingTests
{
    private static readonly Author[] Authors =
    [
        new() { Name = "Mira", City = "Pune", BirthYear = 1990, IsActive = true },
        new() { Name = "Arjun", City = null, BirthYear = 1985, IsActive = false },
        new() { Name = "Zoya", City = "Delhi", BirthYear = null, IsActive = true },
        new() { Name = "Mira", City = "Agra", BirthYear = 1985, IsActive = true },
        new() { Name = "Kabir", City = "Pune", BirthYear = 2001, IsActive = false },
        new() { Name = "Ishaan", City = null, BirthYear = null, IsActive = true },
        new() { Name = "Bela", City = "Delhi", BirthYear = 1990, IsActive = false },
        new() { Name = "Chandra", City = "Agra", BirthYear = 1970, IsActive = true },
        new() { Name = "Dev", City = "Surat", BirthYear = 2001, IsActive = true },
        new() { Name = "Esha", City = null, BirthYear = 1999, IsActive = false },
        new() { Name = "Farah", City = "Pune", BirthYear = null, IsActive = true },
    ];

    /// <summary>Each sort with its expected order (ordinal text, nulls last ascending and first descending, id breaking ties).</summary>
    private static readonly (string Order, Func<IEnumerable<(Author A, int Id)>, IEnumerable<(Author A, int Id)>> Expected)[] Sorts =
    [
        ("[]", rows => rows.OrderBy(r => r.Id)),
        ("[{ name: ASC }]", rows => rows.OrderBy(r => r.A.Name, StringComparer.Ordinal).ThenBy(r => r.Id)),
        ("[{ name: DESC }]", rows => rows.OrderByDescending(r => r.A.Name, StringComparer.Ordinal).ThenBy(r => r.Id)),
        ("[{ birthYear: ASC }]", rows => rows.OrderBy(r => r.A.BirthYear is null).ThenBy(r => r.A.BirthYear).ThenBy(r => r.Id)),
        ("[{ birthYear: DESC }]", rows => rows.OrderByDescending(r => r.A.BirthYear is null).ThenByDescending(r => r.A.BirthYear).ThenBy(r => r.Id)),
        ("[{ city: ASC }, { name: DESC }]", rows => rows.OrderBy(r => r.A.City is null).ThenBy(r => r.A.City, StringComparer.Ordinal)
            .ThenByDescending(r => r.A.Name, StringComparer.Ordinal).ThenBy(r => r.Id)),
        ("[{ isActive: DESC }, { birthYear: ASC }]", rows => rows.OrderByDescending(r => r.A.IsActive)
            .ThenBy(r => r.A.BirthYear is null).ThenBy(r => r.A.BirthYear).ThenBy(r => r.Id)),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_forwards_and_backwards_follow_every_sort(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync(Authors.Select(a => new Author { Name = a.Name, City = a.City, BirthYear = a.BirthYear, IsActive = a.IsActive }).ToArray());

        foreach (var (order, expected) in Sorts)
        {
            var want = expected(Authors.Select((a, i) => (a, i + 1))).Select(r => $"{r.A.Name}#{r.Id}").ToList();
            var forwards = await ReadAllAsync(library, order, backward: false);
            var backwards = await ReadAllAsync(library, order, backward: true);
            Assert.True(want.SequenceEqual(forwards), $"{order} forwards: {string.Join(", ", forwards)}");
            Assert.True(want.SequenceEqual(backwards), $"{order} backwards: {string.Join(", ", backwards)}");
        }
    }

    private static async Task<List<string>> ReadAllAsync(LibraryApp library, string order, bool backward)
    {
        var query = $$"""
            query Page($size: Int, $cursor: String) {
              authors({{(backward ? "last" : "first")}}: $size, {{(backward ? "before" : "after")}}: $cursor, order: {{order}}) {
                edges { node { id name } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }
            """;
        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var body = await library.QueryAsync(query, new { size = 3, cursor });
            var connection = body["data"]!["authors"]!;
            var names = connection["edges"]!.AsArray()
                .Select(e => $"{e!["node"]!["name"]!.GetValue<string>()}#{e["node"]!["id"]!.GetValue<long>()}").ToList();
            seen.InsertRange(backward ? 0 : seen.Count, names);
            var pageInfo = connection["pageInfo"]!;
            Assert.Equal(cursor is not null, pageInfo[backward ? "hasNextPage" : "hasPreviousPage"]!.GetValue<bool>());
            if (!pageInfo[backward ? "hasPreviousPage" : "hasNextPage"]!.GetValue<bool>())
            {
                return seen;
            }

            cursor = pageInfo[backward ? "startCursor" : "endCursor"]!.GetValue<string>();
        }

        throw new InvalidOperationException("Paging did not end.");
    }
}
