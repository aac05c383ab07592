using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Admin.Mentoring;
using CertifyTrack.Modules.Users.Audit;
using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Modules.Users.Profiles;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Persistence;

/// <summary>The Users module's tables. Other modules never use this context.</summary>
internal class UsersDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Student> Students => Set<Student>();

    public DbSet<Mentor> Mentors => Set<Mentor>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    public DbSet<MentorAssignment> MentorAssignments => Set<MentorAssignment>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<OutboxEmail> EmailOutbox => Set<OutboxEmail>();

    public DbSet<EmailThrottleEntry> EmailThrottle => Set<EmailThrottleEntry>();

    public DbSet<AccountMailRequest> AccountMailRequests => Set<AccountMailRequest>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new StudentConfiguration());
        modelBuilder.ApplyConfiguration(new MentorConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationPreferenceConfiguration());
        modelBuilder.ApplyConfiguration(new AuditLogEntryConfiguration(Database.IsNpgsql()));
        modelBuilder.ApplyConfiguration(new MentorAssignmentConfiguration());
        modelBuilder.ApplyConfiguration(new AccountTokenConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxEmailConfiguration());
        modelBuilder.ApplyConfiguration(new EmailThrottleEntryConfiguration());
        modelBuilder.ApplyConfiguration(new AccountMailRequestConfiguration());
        modelBuilder.ApplyConfiguration(new LoginFailureConfiguration());
        modelBuilder.UseOpenIddictTables(); // OpenIddict's applications, authorizations, scopes and tokens
    }
}

/// <summary>Carries the SQLite migrations of <see cref="UsersDbContext"/>.</summary>
internal sealed class UsersSqliteDbContext(DbContextOptions<UsersSqliteDbContext> options) : UsersDbContext(options);

/// <summary>Carries the PostgreSQL migrations of <see cref="UsersDbContext"/>.</summary>
internal sealed class UsersPostgresDbContext(DbContextOptions<UsersPostgresDbContext> options) : UsersDbContext(options);
