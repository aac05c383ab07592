using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Conventions.Library;

/// <summary>The command pipeline through the example module: one transaction, user errors, unique indexes.</summary>
public sealed class AddAuthorTests
{
    private const string Add = """
        mutation M($input: AddAuthorInput!) {
          addAuthor(input: $input) { author { name city } userErrors { code message field } }
        }
        """;

    private static readonly string[] TwoBooks = ["Dusk", "Dawn"];
    private static readonly string[] OneBlankTitle = ["Dusk", " "];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_command_commits_its_rows_and_returns_the_payload(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);

        var response = await library.Client.GraphQLAsync(Add, new { input = new { name = " Mira ", city = "Pune", bookTitles = TwoBooks } });

        Assert.Equal(new AuthorAnswer("Mira", "Pune"), response.Data<AddedAuthor>("addAuthor").Author);
        Assert.Empty(response.UserErrors("addAuthor"));
        await using var db = await library.CreateDbContextAsync();
        Assert.Equal(["Dawn", "Dusk"], await db.Books.Select(b => b.Title).OrderBy(t => t).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_user_error_after_a_save_rolls_the_whole_command_back(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);

        var response = await library.Client.GraphQLAsync(Add, new { input = new { name = "Mira", city = "Pune", bookTitles = OneBlankTitle } });

        Assert.Null(response.Field("addAuthor")!["author"]);
        var error = Assert.Single(response.UserErrors("addAuthor"));
        Assert.Equal(("TITLE_REQUIRED", "A book needs a title.", "input.bookTitles.1"), (error.Code, error.Message, error.Path));
        await using var db = await library.CreateDbContextAsync();
        Assert.Equal(0, await db.Authors.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Books.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_broken_field_is_reported_at_once(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);

        var response = await library.Client.GraphQLAsync(Add, new { input = new { name = "", city = "Pune", birthYear = 3000 } });

        Assert.Equal(["input.name", "input.birthYear"], response.UserErrors("addAuthor").Select(e => e.Path));
        Assert.Equal(["NAME_REQUIRED", "BIRTH_YEAR_INVALID"], response.UserErrorCodes("addAuthor"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_name_taken_before_or_by_a_concurrent_request_is_the_same_user_error(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync(new Author { Name = "Zoya", City = "Delhi" });

        var taken = await library.Client.GraphQLAsync(Add, new { input = new { name = "Zoya", city = "Delhi" } });
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => library.Client.GraphQLAsync(Add, new { input = new { name = "Kabir", city = "Pune" } })));

        Assert.Equal(["AUTHOR_NAME_TAKEN"], taken.UserErrorCodes("addAuthor"));
        Assert.All(racing, r => Assert.Empty(r.ErrorCodes));   // a lost race is a user error, never a fault
        Assert.Single(racing, r => r.UserErrors("addAuthor").Count == 0);
        Assert.All(racing.Where(r => r.UserErrors("addAuthor").Count > 0), r => Assert.Equal(["AUTHOR_NAME_TAKEN"], r.UserErrorCodes("addAuthor")));
    }

    [Fact]
    public void The_rules_run_without_a_host()
    {
        var refused = Assert.Throws<UserErrorException>(() => AuthorRules.Check(new AddAuthorInput(" ", "Pune", 999, null)));

        Assert.Equal(["NAME_REQUIRED", "BIRTH_YEAR_INVALID"], refused.Errors.Select(e => e.Code));
        AuthorRules.Check(new AddAuthorInput("Mira", "Pune", 1990, []));
    }

    [Fact]
    public void A_failed_payload_carries_the_errors_and_defaults()
    {
        var payload = Payload.Failed<AddAuthorPayload>([new UserError("X", "x")]);

        Assert.Null(payload.Author);
        Assert.Equal("X", Assert.Single(payload.UserErrors).Code);
    }

    private sealed record AddedAuthor(AuthorAnswer? Author);

    private sealed record AuthorAnswer(string Name, string? City);
}
