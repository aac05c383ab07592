using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Aicte.Persistence;

/// <summary>The Aicte module's tables. Other modules never use this context.</summary>
internal class AicteDbContext(DbContextOptions options) : DbContext(options)
{
    // Entity configurations (one IEntityTypeConfiguration<T> per entity) are applied in OnModelCreating as the module gains tables.
}

/// <summary>Carries the SQLite migrations of <see cref="AicteDbContext"/>.</summary>
internal sealed class AicteSqliteDbContext(DbContextOptions<AicteSqliteDbContext> options) : AicteDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="AicteDbContext"/>.</summary>
internal sealed class AictePostgresDbContext(DbContextOptions<AictePostgresDbContext> options) : AicteDbContext(options);
