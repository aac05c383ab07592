using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Venues.Persistence;

/// <summary>The Venues module's tables. Other modules never use this context.</summary>
internal class VenuesDbContext(DbContextOptions options) : DbContext(options)
{
    // Entity configurations (one IEntityTypeConfiguration<T> per entity) are applied in OnModelCreating as the module gains tables.
}

/// <summary>Carries the SQLite migrations of <see cref="VenuesDbContext"/>.</summary>
internal sealed class VenuesSqliteDbContext(DbContextOptions<VenuesSqliteDbContext> options) : VenuesDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="VenuesDbContext"/>.</summary>
internal sealed class VenuesPostgresDbContext(DbContextOptions<VenuesPostgresDbContext> options) : VenuesDbContext(options);
