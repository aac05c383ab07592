using CertifyTrack.Modules.Clubs.Domain;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Persistence;

/// <summary>The Clubs module's tables. Other modules never use this context.</summary>
internal class ClubsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Club> Clubs => Set<Club>();

    public DbSet<ClubRole> Roles => Set<ClubRole>();

    public DbSet<ClubMember> Members => Set<ClubMember>();

    public DbSet<MembershipChange> MembershipHistory => Set<MembershipChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ClubConfiguration());
        modelBuilder.ApplyConfiguration(new ClubRoleConfiguration());
        modelBuilder.ApplyConfiguration(new ClubMemberConfiguration());
        modelBuilder.ApplyConfiguration(new MembershipChangeConfiguration());
        modelBuilder.MapUsersTables();
    }
}

/// <summary>Carries the SQLite migrations of <see cref="ClubsDbContext"/>.</summary>
internal sealed class ClubsSqliteDbContext(DbContextOptions<ClubsSqliteDbContext> options) : ClubsDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="ClubsDbContext"/>.</summary>
internal sealed class ClubsPostgresDbContext(DbContextOptions<ClubsPostgresDbContext> options) : ClubsDbContext(options);
