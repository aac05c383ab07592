using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.DataLoaders;
using CertifyTrack.Shared.GraphQL.Lists;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.Tests.Conventions.Library;

/// <summary>The test module's schema part, written as a real module would write it.</summary>
internal sealed class LibraryGraphQLModule : IGraphQLModule
{
    public string Name => "LibraryTest";

    public void AddQueryFields(ObjectGraphType query)
    {
        query.Connection<AuthorType, Author>("authors").Filter<AuthorFilter>().Sort<AuthorSort>()
            .Resolve<LibraryDbContext>(db => db.Authors, a => a.Id).AllowAnonymous();
        query.Connection<BookType, Book>("books").Filter<BookFilter>().Sort<BookSort>()
            .Resolve<LibraryDbContext>(db => db.Books, b => b.Id).AllowAnonymous();
    }

    /// <summary>Every feature of the module, one file each.</summary>
    public void AddMutationFields(ObjectGraphType mutation) => AddAuthor.Declare(mutation);
}

internal static class LibraryLoaders
{
    public static readonly CollectionLoader<LibraryDbContext, long, Book> BooksByAuthor =
        new(db => db.Books.OrderBy(b => b.Title), b => b.AuthorId);

    public static readonly BatchLoader<LibraryDbContext, long, Author> AuthorById = new(db => db.Authors, a => a.Id);
}

internal sealed class AuthorType : ObjectGraphType<Author>
{
    public AuthorType()
    {
        Field(a => a.Id).AllowAnonymous();
        Field(a => a.Name).AllowAnonymous();
        Field(a => a.City, nullable: true).AllowAnonymous();
        Field(a => a.BirthYear, nullable: true).AllowAnonymous();
        Field(a => a.IsActive).AllowAnonymous();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("books")
            .Resolve(c => LibraryLoaders.BooksByAuthor.Load(c, c.Source.Id)).AllowAnonymous();
    }
}

internal sealed class BookType : ObjectGraphType<Book>
{
    public BookType()
    {
        Field(b => b.Id).AllowAnonymous();
        Field(b => b.Title).AllowAnonymous();
        Field(b => b.Year).AllowAnonymous();
        Field(b => b.Genre).AllowAnonymous();
        Field(b => b.Rating, nullable: true).AllowAnonymous();
        Field<AuthorType>("author").Resolve(c => LibraryLoaders.AuthorById.Load(c, c.Source.AuthorId)).AllowAnonymous();
    }
}

internal sealed class AuthorFilter : FilterInputType<Author>
{
    public AuthorFilter()
    {
        Field("name", a => a.Name);
        Field("city", a => a.City);
        Field("birthYear", a => a.BirthYear);
        Field("isActive", a => a.IsActive);
    }
}

internal sealed class AuthorSort : SortInputType<Author>
{
    public AuthorSort()
    {
        Field("name", a => a.Name);
        Field("city", a => a.City);
        Field("birthYear", a => a.BirthYear);
        Field("isActive", a => a.IsActive);
    }
}

internal sealed class BookFilter : FilterInputType<Book>
{
    public BookFilter()
    {
        Field("title", b => b.Title);
        Field("year", b => b.Year);
        Field("genre", b => b.Genre);
        Field("rating", b => b.Rating);
        Field("publishedAt", b => b.PublishedAt);
    }
}

internal sealed class BookSort : SortInputType<Book>
{
    public BookSort()
    {
        Field("title", b => b.Title);
        Field("rating", b => b.Rating);
        Field("publishedAt", b => b.PublishedAt);
        DefaultOrder("publishedAt", SortDirection.Desc);
    }
}
