using CertifyTrack.Shared.Persistence;

namespace CertifyTrack.Host.Persistence;

internal static class PersistenceRegistration
{
    public static IServiceCollection AddCertifyTrackPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        settings.EnsureSqliteDirectory();
        services.AddSingleton(settings);
        services.AddSingleton<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
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
