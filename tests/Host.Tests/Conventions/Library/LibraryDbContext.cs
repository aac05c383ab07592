using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Conventions.Library;

/// <summary>A test-only module's tables: authors and their books.</summary>
internal sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Book> Books => Set<Book>();

    public const string AuthorNameIndex = "ix_test_library_author_name_city";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Author>().ToTable("test_library_author")
            .HasIndex(a => new { a.Name, a.City }).IsUnique().HasDatabaseName(AuthorNameIndex);
        modelBuilder.Entity<Book>().ToTable("test_library_book")
            .HasOne<Author>().WithMany().HasForeignKey(b => b.AuthorId);
    }
}

internal sealed class Author
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string? City { get; set; }

    public int? BirthYear { get; set; }

    public bool IsActive { get; set; }
}

internal sealed class Book
{
    public long Id { get; set; }

    public long AuthorId { get; set; }

    public string Title { get; set; } = "";

    public int Year { get; set; }

    public Genre Genre { get; set; }

    public double? Rating { get; set; }

    public DateTime PublishedAt { get; set; }
}

internal enum Genre
{
    Fiction,
    Poetry,
    History,
}
