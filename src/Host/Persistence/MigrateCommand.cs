namespace CertifyTrack.Host.Persistence;

/// <summary>
/// <c>CertifyTrack.Host migrate</c>: applies every module's migrations and exits (0 when the
/// database is up to date, 1 when a migration failed) without serving. This is how production
/// migrates; migrating on start is the SQLite/development default.
/// </summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static bool IsRequested(IEnumerable<string> args) => args.Contains(Name, StringComparer.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand).FullName!);
        try
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            return 0;
        }
        catch (Exception exception) // any failure: exit code 1, the reason logged
        {
            logger.LogCritical(exception, "Migration failed; modules migrated before the failure stay migrated");
            return 1;
        }
    }
}
