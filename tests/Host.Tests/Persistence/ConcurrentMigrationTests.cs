using CertifyTrack.Host.Persistence;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Persistence;

/// <summary>Several host instances starting at once against one fresh database.</summary>
public sealed class ConcurrentMigrationTests
{
    private const int Instances = 4;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_migrators_all_succeed_and_apply_each_migration_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var instances = Enumerable.Range(0, Instances).Select(_ => ModuleServices.Build(database)).ToList();
        try
        {
            using var start = new Barrier(Instances);
            await Task.WhenAll(instances.Select(services => Task.Run(
                async () =>
                {
                    start.SignalAndWait(TestContext.Current.CancellationToken);
                    await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
                },
                TestContext.Current.CancellationToken)));

            foreach (var module in ModuleServices.Modules(instances[0]))
            {
                await using var context = module.CreateContext(instances[0]);
                Assert.Equal(context.Database.GetMigrations(), await HistoryTable.ReadAsync(context, module.Module));
            }
        }
        finally
        {
            foreach (var services in instances)
            {
                await services.DisposeAsync();
            }
        }
    }
}
