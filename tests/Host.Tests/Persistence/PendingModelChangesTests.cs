using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Persistence;

/// <summary>
/// Every module's model matches its last migration, on each provider. Builds the contexts
/// without a database server: nothing here connects.
/// </summary>
public sealed class PendingModelChangesTests
{
    private static readonly string[] ProviderNames = ["sqlite", "postgres"];

    /// <summary>Every registered module on every provider, read from the host's own registrations.</summary>
    public static TheoryData<string, string> ModuleContexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in ProviderNames)
        {
            using var services = ModuleServices.Build(provider, ModuleServices.DesignTimeConnectionString(provider));
            foreach (var module in ModuleServices.Modules(services))
            {
                data.Add(provider, module.Module);
            }
        }

        return data;
    }

    public static TheoryData<string> ModuleNames()
    {
        using var services = ModuleServices.Build("sqlite", ModuleServices.DesignTimeConnectionString("sqlite"));
        return [.. ModuleServices.Modules(services).Select(m => m.Module)];
    }

    [Theory]
    [MemberData(nameof(ModuleContexts))]
    public void Model_has_no_changes_without_a_migration(string provider, string module)
    {
        using var services = ModuleServices.Build(provider, ModuleServices.DesignTimeConnectionString(provider));
        using var context = ModuleServices.CreateContext(services, module);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(
            context.Database.HasPendingModelChanges(),
            $"The {module} model on {provider} has changes no migration holds. Run: scripts/add-migration.sh <Name> {module}");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Both_providers_have_the_same_migrations(string module)
    {
        var sqlite = MigrationNames("sqlite", module);
        var postgres = MigrationNames("postgres", module);

        Assert.Equal(sqlite, postgres);
        Assert.Equal("Initial", sqlite[0]);
    }

    [Fact]
    public void Each_provider_uses_its_own_context_type_and_provider()
    {
        using var sqlite = ModuleServices.Build("sqlite", ModuleServices.DesignTimeConnectionString("sqlite"));
        using var postgres = ModuleServices.Build("postgres", ModuleServices.DesignTimeConnectionString("postgres"));

        foreach (var module in ModuleServices.Modules(sqlite))
        {
            using var context = ModuleServices.CreateContext(sqlite, module.Module);
            Assert.EndsWith("SqliteDbContext", context.GetType().Name, StringComparison.Ordinal);
            Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", context.Database.ProviderName);
        }

        foreach (var module in ModuleServices.Modules(postgres))
        {
            using var context = ModuleServices.CreateContext(postgres, module.Module);
            Assert.EndsWith("PostgresDbContext", context.GetType().Name, StringComparison.Ordinal);
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", context.Database.ProviderName);
        }
    }

    /// <summary>Migration names without their timestamps, oldest first.</summary>
    private static List<string> MigrationNames(string provider, string module)
    {
        using var services = ModuleServices.Build(provider, ModuleServices.DesignTimeConnectionString(provider));
        using var context = ModuleServices.CreateContext(services, module);
        return [.. context.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..])];
    }
}
