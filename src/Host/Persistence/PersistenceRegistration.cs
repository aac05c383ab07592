using CertifyTrack.Host.Integration;
using CertifyTrack.Shared.Persistence;

namespace CertifyTrack.Host.Persistence;

internal static class PersistenceRegistration
{
    /// <summary>
    /// Registers the database settings, the platform's own outbox context (migrated before the
    /// modules), the migrator and the readiness check. Nothing here
    /// touches the disk or the database: <c>dotnet ef</c> builds these services at design time.
    /// </summary>
    public static IServiceCollection AddCertifyTrackPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DatabaseSettings.From(configuration));
        services.AddIntegrationStore(configuration);
        services.AddSingleton<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"], timeout: DatabaseHealthCheck.Timeout);
        return services;
    }

    /// <summary>Migrates on start when <c>Database:MigrateOnStart</c> says so (default on for SQLite).</summary>
    public static async Task MigrateOnStartAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<DatabaseSettings>().MigrateOnStart)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
