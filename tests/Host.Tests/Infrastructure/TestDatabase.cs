using CertifyTrack.Shared.Persistence;
using Npgsql;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database owned by one test: a SQLite file in a temporary folder, or a new
/// PostgreSQL database on the server named by <c>CERTIFYTRACK_TEST_POSTGRES</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CERTIFYTRACK_TEST_POSTGRES";

    private readonly string? directory;
    private readonly string? adminConnectionString;
    private readonly string? databaseName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? directory, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.directory = directory;
        this.adminConnectionString = adminConnectionString;
        this.databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string ProviderName => Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The providers every integration test runs on: SQLite always, PostgreSQL when configured.</summary>
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var dir = Directory.CreateTempSubdirectory("certifytrack-test-").FullName;
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "test.db")}", dir, null, null);
        }

        var server = PostgresServer;
        Assert.SkipWhen(server is null, $"PostgreSQL tests need {PostgresVariable} (CI sets it).");
        var name = "ct_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temporary folder behind.
            }
        }

        if (adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
                {
                    // A session of another role (an autovacuum worker on the new database) may be
                    // connected; without pg_signal_backend FORCE cannot end it, so wait for it to leave.
                    await Task.Delay(500);
                }
            }
        }
    }
}
