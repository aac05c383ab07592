using CertifyTrack.Host.Tests.Conventions.Library;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Conventions;

public sealed class FilteringTests
{
    private static readonly Author[] Authors =
    [
        new() { Name = "Alice Walker", City = "Atlanta", BirthYear = 1944, IsActive = true },
        new() { Name = "ÉMILE ZOLA", City = "Paris", BirthYear = 1840, IsActive = false },
        new() { Name = "Émilie du Châtelet", City = null, BirthYear = 1706, IsActive = true },
        new() { Name = "100% Pure_Fiction", City = "Percent", BirthYear = null, IsActive = true },
        new() { Name = "100X PureXFiction", City = "Nope", BirthYear = 1900, IsActive = false },
        new() { Name = "Σωκράτης", City = "Αθήνα", BirthYear = -470, IsActive = true },
    ];

    private static readonly (string Where, string[] Expected)[] AuthorCases =
    [
        ("{ name: { eq: \"alice WALKER\" } }", ["Alice Walker"]),
        ("{ name: { eq: \"émile zola\" } }", ["ÉMILE ZOLA"]),
        ("{ name: { neq: \"ALICE walker\" } }", ["ÉMILE ZOLA", "Émilie du Châtelet", "100% Pure_Fiction", "100X PureXFiction", "Σωκράτης"]),
        ("{ name: { in: [\"ALICE WALKER\", \"σωκράτης\"] } }", ["Alice Walker", "Σωκράτης"]),
        ("{ name: { contains: \"ÉMIL\" } }", ["ÉMILE ZOLA", "Émilie du Châtelet"]),
        ("{ name: { contains: \"CHÂTELET\" } }", ["Émilie du Châtelet"]),
        ("{ name: { startsWith: \"émilie\" } }", ["Émilie du Châtelet"]),
        ("{ name: { startsWith: \"ΣΩΚ\" } }", ["Σωκράτης"]),
        ("{ name: { contains: \"0% p\" } }", ["100% Pure_Fiction"]),
        ("{ name: { contains: \"e_f\" } }", ["100% Pure_Fiction"]),
        ("{ name: { startsWith: \"%\" } }", []),
        ("{ city: { eq: \"PARIS\" } }", ["ÉMILE ZOLA"]),
        ("{ city: { eq: null } }", ["Émilie du Châtelet"]),
        ("{ city: { neq: null } }", ["Alice Walker", "ÉMILE ZOLA", "100% Pure_Fiction", "100X PureXFiction", "Σωκράτης"]),
        ("{ city: { eq: \"αθήνα\" } }", ["Σωκράτης"]),
        ("{ birthYear: { eq: 1944 } }", ["Alice Walker"]),
        ("{ birthYear: { neq: 1944 } }", ["ÉMILE ZOLA", "Émilie du Châtelet", "100% Pure_Fiction", "100X PureXFiction", "Σωκράτης"]),
        ("{ birthYear: { in: [1944, 1840] } }", ["Alice Walker", "ÉMILE ZOLA"]),
        ("{ birthYear: { gt: 1900 } }", ["Alice Walker"]),
        ("{ birthYear: { gte: 1900 } }", ["Alice Walker", "100X PureXFiction"]),
        ("{ birthYear: { lt: 1800 } }", ["Émilie du Châtelet", "Σωκράτης"]),
        ("{ birthYear: { lte: 1840 } }", ["ÉMILE ZOLA", "Émilie du Châtelet", "Σωκράτης"]),
        ("{ birthYear: { gt: 1800, lt: 1920 } }", ["ÉMILE ZOLA", "100X PureXFiction"]),
        ("{ isActive: { eq: false } }", ["ÉMILE ZOLA", "100X PureXFiction"]),
        ("{ isActive: { neq: false } }", ["Alice Walker", "Émilie du Châtelet", "100% Pure_Fiction", "Σωκράτης"]),
        ("{ isActive: { eq: true }, city: { eq: null } }", ["Émilie du Châtelet"]),
        ("{ and: [{ isActive: { eq: true } }, { birthYear: { lt: 1800 } }] }", ["Émilie du Châtelet", "Σωκράτης"]),
        ("{ or: [{ name: { startsWith: \"alice\" } }, { city: { eq: \"paris\" } }] }", ["Alice Walker", "ÉMILE ZOLA"]),
        ("{ or: [{ and: [{ isActive: { eq: true } }, { name: { contains: \"pure\" } }] }, { birthYear: { eq: 1840 } }] }", ["ÉMILE ZOLA", "100% Pure_Fiction"]),
        ("{ isActive: { eq: true }, or: [{ city: { eq: null } }, { birthYear: { lt: 0 } }] }", ["Émilie du Châtelet", "Σωκράτης"]),
        ("{ or: [] }", []),
        ("{ and: [] }", ["Alice Walker", "ÉMILE ZOLA", "Émilie du Châtelet", "100% Pure_Fiction", "100X PureXFiction", "Σωκράτης"]),
        ("{ name: { contains: null } }", ["Alice Walker", "ÉMILE ZOLA", "Émilie du Châtelet", "100% Pure_Fiction", "100X PureXFiction", "Σωκράτης"]),
    ];

    private static readonly (string Where, string[] Expected)[] BookCases =
    [
        ("{ genre: { eq: POETRY } }", ["Odes"]),
        ("{ genre: { in: [POETRY, HISTORY] } }", ["Odes", "Annals"]),
        ("{ genre: { neq: FICTION } }", ["Odes", "Annals"]),
        ("{ rating: { gt: 4.0 } }", ["Germinal"]),
        ("{ rating: { eq: null } }", ["Annals"]),
        ("{ year: { gte: 1885, lte: 1990 } }", ["The Color Purple", "Germinal"]),
        ("{ publishedAt: { gte: \"2000-01-01T00:00:00Z\" } }", ["Odes"]),
        ("{ publishedAt: { lt: \"1900-01-01T00:00:00Z\" } }", ["Germinal", "Annals"]),
        ("{ title: { contains: \"COLOR\" }, genre: { eq: FICTION } }", ["The Color Purple"]),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_operator_and_combinator_filters_in_one_statement(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        var authors = Authors.Select(a => new Author { Name = a.Name, City = a.City, BirthYear = a.BirthYear, IsActive = a.IsActive }).ToArray();
        await library.AddAsync(authors);
        await library.AddAsync(
            Book(authors[0].Id, "The Color Purple", 1982, Genre.Fiction, 3.9, 1982),
            Book(authors[1].Id, "Germinal", 1885, Genre.Fiction, 4.5, 1885),
            Book(authors[1].Id, "Odes", 2005, Genre.Poetry, 2.0, 2005),
            Book(authors[5].Id, "Annals", 1700, Genre.History, null, 1700));

        foreach (var (where, expected) in AuthorCases)
        {
            var names = await NamesAsync(library, $"{{ authors(where: {where}) {{ nodes {{ name }} }} }}", "authors", "name", where);
            Assert.True(expected.SequenceEqual(names), $"{where}: got [{string.Join(", ", names)}]");
            Assert.Single(library.Sql.Statements);
        }

        foreach (var (where, expected) in BookCases)
        {
            var titles = await NamesAsync(library, $"{{ books(where: {where}, order: [{{ title: DESC }}]) {{ nodes {{ title }} }} }}", "books", "title", where);
            Assert.True(expected.SequenceEqual(titles), $"{where}: got [{string.Join(", ", titles)}]");
        }
    }

    private static Book Book(long authorId, string title, int year, Genre genre, double? rating, int published) =>
        new() { AuthorId = authorId, Title = title, Year = year, Genre = genre, Rating = rating, PublishedAt = new DateTime(published, 6, 1, 0, 0, 0, DateTimeKind.Utc) };

    private static async Task<List<string>> NamesAsync(LibraryApp library, string query, string field, string property, string where)
    {
        var body = await library.QueryAsync(query);
        Assert.True(body["errors"] is null, $"{where}: {body.ToJson()}");
        return [.. body["data"]![field]!["nodes"]!.AsArray().Select(n => n![property]!.GetValue<string>())];
    }
}
