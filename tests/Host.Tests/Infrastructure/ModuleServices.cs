using CertifyTrack.Host.Persistence;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>
/// The host's persistence and module registrations without a web host: enough to create every
/// module's DbContext and run the <see cref="DatabaseMigrator"/>.
/// </summary>
public static class ModuleServices
{
    /// <summary>Connection strings that name no real database: model checks never connect.</summary>
    public static string DesignTimeConnectionString(string provider) => provider == "sqlite"
        ? "Data Source=:memory:"
        : "Host=design-time.invalid;Database=certifytrack";

    public static ServiceProvider Build(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:Default"] = connectionString,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration);
        services.AddCertifyTrackPersistence(configuration).AddCertifyTrackModules(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ServiceProvider Build(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Build(database.ProviderName, database.ConnectionString);
    }

    public static IReadOnlyList<ModuleDatabase> Modules(IServiceProvider services) =>
        services.GetServices<ModuleDatabase>().ToList();

    public static DbContext CreateContext(IServiceProvider services, string module) =>
        Modules(services).Single(m => m.Module == module).CreateContext(services);
}
