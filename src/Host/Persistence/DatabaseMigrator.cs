using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Persistence;

/// <summary>Applies every module's migrations to the one database.</summary>
internal sealed class DatabaseMigrator(IEnumerable<ModuleDatabase> databases, IServiceProvider services, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            await using var context = database.CreateContext(services);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            logger.LogInformation("Applying {Count} migration(s) of module {Module} up to {Migration}", pending.Count, database.Module, pending[^1]);
            await context.Database.MigrateAsync(cancellationToken);
        }
    }
}
