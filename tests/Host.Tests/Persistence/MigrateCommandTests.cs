using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Persistence;

/// <summary><c>CertifyTrack.Host migrate</c>, run as its own process the way production runs it.</summary>
public sealed class MigrateCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_applies_every_module_migration_exits_0_and_does_nothing_the_second_time(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = Environment(database.ProviderName, database.ConnectionString);

        var first = await HostProcess.RunAsync(["migrate"], environment, Timeout);

        Assert.True(first.ExitCode == 0, $"exit code {first.ExitCode}:\n{first.Output}");
        Assert.DoesNotContain("fail:", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", first.Output, StringComparison.Ordinal);
        using var services = ModuleServices.Build(database);
        foreach (var module in ModuleServices.Modules(services))
        {
            await using var context = module.CreateContext(services);
            Assert.Equal(context.Database.GetMigrations(), await HistoryTable.ReadAsync(context, module.Module));
        }

        var second = await HostProcess.RunAsync(["migrate"], environment, Timeout);

        Assert.True(second.ExitCode == 0, $"exit code {second.ExitCode}:\n{second.Output}");
        Assert.DoesNotContain("Applying", second.Output, StringComparison.Ordinal);
        Assert.Contains("0 migration(s) applied", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_exits_1_when_the_database_does_not_answer()
    {
        var result = await HostProcess.RunAsync(["migrate"], Environment("postgres", ClosedPort.PostgresConnectionString()), Timeout);

        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}:\n{result.Output}");
        Assert.Contains("Migration failed", result.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Environment(string provider, string connectionString) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = provider,
        ["ConnectionStrings__Default"] = connectionString,
    };
}
