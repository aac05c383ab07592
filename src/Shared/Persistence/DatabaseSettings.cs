using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CertifyTrack.Shared.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The one database every module shares, read from configuration:
/// <c>Database:Provider</c> (<c>sqlite</c>, the default, or <c>postgres</c>),
/// <c>ConnectionStrings:Default</c> and <c>Database:MigrateOnStart</c>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStart)
{
    public const string DefaultSqliteConnectionString = "Data Source=data/certifytrack.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration["Database:Provider"];
        var provider = providerText?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException(
                $"Database:Provider '{providerText}' is not known; use 'sqlite' or 'postgres'."),
        };
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new InvalidOperationException(
                    "Database:Provider is 'postgres' but ConnectionStrings:Default is empty.");
        }

        var migrateOnStart = configuration.GetValue<bool?>("Database:MigrateOnStart") ?? provider == DatabaseProvider.Sqlite;
        return new DatabaseSettings(provider, connectionString, migrateOnStart);
    }

    /// <summary>Creates the folder of a SQLite database file, so a fresh machine needs no setup.</summary>
    public void EnsureSqliteDirectory()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
