using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Certificates.Persistence;

/// <summary>The Certificates module's tables. Other modules never use this context.</summary>
internal class CertificatesDbContext(DbContextOptions options) : DbContext(options)
{
    // Entity configurations (one IEntityTypeConfiguration<T> per entity) are applied in OnModelCreating as the module gains tables.
}

/// <summary>Carries the SQLite migrations of <see cref="CertificatesDbContext"/>.</summary>
internal sealed class CertificatesSqliteDbContext(DbContextOptions<CertificatesSqliteDbContext> options) : CertificatesDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="CertificatesDbContext"/>.</summary>
internal sealed class CertificatesPostgresDbContext(DbContextOptions<CertificatesPostgresDbContext> options) : CertificatesDbContext(options);
