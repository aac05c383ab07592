using CertifyTrack.Modules.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Persistence;

/// <summary>The Events module's tables. Other modules never use this context.</summary>
internal class EventsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Event> Events => Set<Event>();

    public DbSet<EventRegistration> Registrations => Set<EventRegistration>();

    public DbSet<EventAttendance> Attendance => Set<EventAttendance>();

    public DbSet<StudentRegistrationLoad> StudentLoads => Set<StudentRegistrationLoad>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new EventConfiguration());
        modelBuilder.ApplyConfiguration(new EventRegistrationConfiguration());
        modelBuilder.ApplyConfiguration(new EventAttendanceConfiguration());
        modelBuilder.ApplyConfiguration(new StudentRegistrationLoadConfiguration());
        modelBuilder.MapOtherModulesTables();
    }
}

/// <summary>Carries the SQLite migrations of <see cref="EventsDbContext"/>.</summary>
internal sealed class EventsSqliteDbContext(DbContextOptions<EventsSqliteDbContext> options) : EventsDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="EventsDbContext"/>.</summary>
internal sealed class EventsPostgresDbContext(DbContextOptions<EventsPostgresDbContext> options) : EventsDbContext(options);
