using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Persistence;

public sealed class MigrateOnStartTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Startup_applies_every_module_migration_to_a_fresh_database(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        var modules = ModuleServices.Modules(app.Services);
        Assert.NotEmpty(modules);
        foreach (var module in modules)
        {
            await using var context = module.CreateContext(app.Services);
            var history = await HistoryTable.ReadAsync(context, module.Module);
            Assert.Equal(context.Database.GetMigrations(), history);
            Assert.EndsWith("_Initial", history[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sqlite_connections_use_WAL_and_a_busy_timeout()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        using var client = app.CreateClient();

        await using var context = ModuleServices.Modules(app.Services)[0].CreateContext(app.Services);
        await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", await PragmaAsync(context, "journal_mode"));
        Assert.Equal("5000", await PragmaAsync(context, "busy_timeout"));
    }

    [Theory]
    [InlineData("sqlite", true)]
    [InlineData("postgres", false)]
    public void Migrate_on_start_defaults_to_on_for_sqlite_only(string provider, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:Default"] = ModuleServices.DesignTimeConnectionString(provider),
            })
            .Build();

        Assert.Equal(expected, DatabaseSettings.From(configuration).MigrateOnStart);
    }

    private static async Task<string?> PragmaAsync(DbContext context, string pragma)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
