using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Persistence;

/// <summary>The Events module's tables. Other modules never use this context.</summary>
internal class EventsDbContext(DbContextOptions options) : DbContext(options)
{
    // Entity configurations (one IEntityTypeConfiguration<T> per entity) are applied in OnModelCreating as the module gains tables.
}

/// <summary>Carries the SQLite migrations of <see cref="EventsDbContext"/>.</summary>
internal sealed class EventsSqliteDbContext(DbContextOptions<EventsSqliteDbContext> options) : EventsDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="EventsDbContext"/>.</summary>
internal sealed class EventsPostgresDbContext(DbContextOptions<EventsPostgresDbContext> options) : EventsDbContext(options);
