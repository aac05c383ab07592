using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Persistence;

/// <summary>The Users module's tables. Other modules never use this context.</summary>
internal class UsersDbContext(DbContextOptions options) : DbContext(options)
{
    // Entity configurations (one IEntityTypeConfiguration<T> per entity) are applied in OnModelCreating as the module gains tables.
}

/// <summary>Carries the SQLite migrations of <see cref="UsersDbContext"/>.</summary>
internal sealed class UsersSqliteDbContext(DbContextOptions<UsersSqliteDbContext> options) : UsersDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="UsersDbContext"/>.</summary>
internal sealed class UsersPostgresDbContext(DbContextOptions<UsersPostgresDbContext> options) : UsersDbContext(options);
