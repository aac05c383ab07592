using System.ComponentModel;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Conventions.Library;

/// <summary>
/// <c>addAuthor</c>: the shape every feature file has (docs/graphql-conventions.md): the declaration,
/// a resolver that only loads, calls the rules and returns, the rules apart, the input and payload records.
/// </summary>
internal static class AddAuthor
{
    public const int MaxBooks = 10;

    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<AddAuthorInput, AddAuthorPayload>("addAuthor")
            .Description("Adds an author and, in the same transaction, their books.")
            .AllowAnonymous()
            .OnUniqueViolation(LibraryDbContext.AuthorNameIndex, _ => AuthorRules.NameTaken())
            .Run<LibraryDbContext>(async (command, input) =>
            {
                AuthorRules.Check(input);
                if (await command.Db.Authors.AnyAsync(a => a.Name == input.Name.Trim() && a.City == input.City, command.CancellationToken))
                {
                    throw new UserErrorException([AuthorRules.NameTaken()]);
                }

                var author = new Author { Name = input.Name.Trim(), City = input.City, BirthYear = input.BirthYear, IsActive = true };
                command.Db.Authors.Add(author);
                await command.Db.SaveChangesAsync(command.CancellationToken);
                command.Db.Books.AddRange(AuthorRules.Books(author, input.BookTitles ?? [], command.Now));
                return new AddAuthorPayload(author);
            });
}

/// <summary>The rules of a new author, apart from the resolver (unit-tested without a host).</summary>
internal static class AuthorRules
{
    public static void Check(AddAuthorInput input)
    {
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new(LibraryErrorCodes.NameRequired, "Give the author's name.", ["input", "name"]));
        }

        if (input.BirthYear is < 1000 or > 2100)
        {
            errors.Add(new(LibraryErrorCodes.BirthYearInvalid, "The birth year must be between 1000 and 2100.", ["input", "birthYear"]));
        }

        errors.ThrowIfAny();
    }

    /// <summary>The books, checked after the author is saved: a blank title rolls the author back too.</summary>
    public static IEnumerable<Book> Books(Author author, IReadOnlyList<string> titles, DateTime now)
    {
        var blank = titles.Select((t, i) => (t, i)).Where(x => string.IsNullOrWhiteSpace(x.t))
            .Select(x => new UserError(LibraryErrorCodes.TitleRequired, "A book needs a title.", ["input", "bookTitles", $"{x.i}"])).ToList();
        blank.ThrowIfAny();
        return titles.Select(t => new Book { AuthorId = author.Id, Title = t.Trim(), Year = now.Year, PublishedAt = now });
    }

    public static UserError NameTaken() => new(LibraryErrorCodes.AuthorNameTaken, "An author with this name lives in this city.", ["input", "name"]);
}

internal sealed record AddAuthorInput(
    [Description("Unique with the city.")] string Name,
    string City,
    int? BirthYear,
    [Description("Books to add with the author."), MaxItems(AddAuthor.MaxBooks)] IReadOnlyList<string>? BookTitles);

internal sealed record AddAuthorPayload([Description("The new author.")] Author? Author) : Payload;
