using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Integration.Persistence;

/// <summary>
/// The platform's own table of durable integration events, with its own migrations (module name
/// <c>Integration</c>, history table <c>__ef_migrations_history_integration</c>). Modules never
/// use this context: they write the table through <c>IEventBus.PublishAsync</c> on their own.
/// </summary>
internal class IntegrationDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "Integration";

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new OutboxRowConfiguration());
}

/// <summary>Carries the SQLite migrations of <see cref="IntegrationDbContext"/>.</summary>
internal sealed class IntegrationSqliteDbContext(DbContextOptions<IntegrationSqliteDbContext> options) : IntegrationDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="IntegrationDbContext"/>.</summary>
internal sealed class IntegrationPostgresDbContext(DbContextOptions<IntegrationPostgresDbContext> options) : IntegrationDbContext(options);
