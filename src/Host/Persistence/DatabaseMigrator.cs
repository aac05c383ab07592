using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace CertifyTrack.Host.Persistence;

/// <summary>
/// Applies every module's migrations to the one database, module by module, each against its
/// own history table. Safe to run from several instances at once: EF takes a lock per history
/// table (PostgreSQL: <c>LOCK TABLE … IN ACCESS EXCLUSIVE MODE</c>; SQLite: the shared
/// <c>__EFMigrationsLock</c> table), and a migration already applied is skipped.
/// </summary>
internal sealed class DatabaseMigrator(
    IEnumerable<ModuleDatabase> databases,
    DatabaseSettings settings,
    IServiceProvider services,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            settings.EnsureSqliteDirectory();
        }

        var applied = 0;
        var modules = 0;
        foreach (var database in databases)
        {
            modules++;
            await using var context = database.CreateContext(services);
            if (modules == 1 && settings.Provider == DatabaseProvider.Sqlite)
            {
                await UseWriteAheadLogAsync(context, cancellationToken);
            }

            if (settings.Provider == DatabaseProvider.Postgres)
            {
                await CreatePostgresHistoryTableAsync(context, cancellationToken);
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            logger.LogInformation("Applying {Count} migration(s) of module {Module} up to {Migration}", pending.Count, database.Module, pending[^1]);
            await MigrateModuleAsync(context, database.Module, cancellationToken);
            applied += pending.Count;
        }

        logger.LogInformation("Database is up to date: {Applied} migration(s) applied across {Modules} module(s)", applied, modules);
    }

    /// <summary>
    /// On PostgreSQL EF's <c>LOCK TABLE</c> lasts one transaction, and EF commits each migration on
    /// its own, so a concurrent migrator could read the applied list between two of them and apply
    /// the second again. A session advisory lock per module, held on the context's connection for
    /// the whole <c>Migrate</c>, serialises migrators; the one after re-reads what is applied.
    /// </summary>
    private async Task MigrateModuleAsync(DbContext context, string module, CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            await context.Database.MigrateAsync(cancellationToken);
            return;
        }

        var key = $"certifytrack-migrate-{module}";
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({key}))", cancellationToken);
            try
            {
                await context.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({key}))", CancellationToken.None);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// WAL lets readers go on while one request writes. The mode is stored in the file, so
    /// setting it once here covers every later connection. (EF sets it too when it creates the
    /// file; this also converts a file made some other way.)
    /// </summary>
    private async Task UseWriteAheadLogAsync(DbContext context, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                logger.LogWarning("SQLite journal mode is {Mode}, not WAL: concurrent requests will wait for each other more", mode);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Npgsql finds out whether a history table exists by selecting from it, which EF logs as a
    /// failed command (error level) twice per module on a fresh database
    /// (https://github.com/npgsql/efcore.pg/issues/3407). Creating the table first, through the
    /// provider's own history repository (which tolerates a concurrent creator), keeps a clean
    /// migration's log clean. A database that does not exist yet is left to Migrate to create.
    /// </summary>
    private static async Task CreatePostgresHistoryTableAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (await context.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
