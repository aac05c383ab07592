using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Persistence;

/// <summary>The Clubs module's tables. Other modules never use this context.</summary>
internal class ClubsDbContext(DbContextOptions options) : DbContext(options)
{
    // Entity configurations (one IEntityTypeConfiguration<T> per entity) are applied in OnModelCreating as the module gains tables.
}

/// <summary>Carries the SQLite migrations of <see cref="ClubsDbContext"/>.</summary>
internal sealed class ClubsSqliteDbContext(DbContextOptions<ClubsSqliteDbContext> options) : ClubsDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="ClubsDbContext"/>.</summary>
internal sealed class ClubsPostgresDbContext(DbContextOptions<ClubsPostgresDbContext> options) : ClubsDbContext(options);
