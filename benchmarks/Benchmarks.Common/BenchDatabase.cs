using Microsoft.Data.Sqlite;
using Npgsql;

namespace CertifyTrack.Benchmarks.Common;

/// <summary>
/// A fresh, empty database for one run, gone when disposed: a SQLite file in a temporary folder,
/// or a PostgreSQL database created on the server <see cref="PostgresServer"/> names and dropped
/// afterwards. The folder also holds whatever else the run writes (signing keys).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? server;
    private readonly string? name;

    private BenchDatabase(string provider, string connectionString, string folder, string? server, string? name)
    {
        (Provider, ConnectionString, Folder, this.server, this.name) = (provider, connectionString, folder, server, name);
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>, as <c>Database:Provider</c> takes it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A temporary folder of the run's own.</summary>
    public string Folder { get; }

    /// <summary>
    /// The PostgreSQL server of the run: <c>CERTIFYTRACK_BENCH_POSTGRES</c>, else
    /// <c>CERTIFYTRACK_TEST_POSTGRES</c> (a connection string to any database on it); null skips PostgreSQL.
    /// </summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable("CERTIFYTRACK_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("CERTIFYTRACK_TEST_POSTGRES");

    public static Task<BenchDatabase> SqliteAsync()
    {
        var folder = Directory.CreateTempSubdirectory("certifytrack-bench-").FullName;
        return Task.FromResult(new BenchDatabase("sqlite", $"Data Source={Path.Combine(folder, "bench.db")}", folder, null, null));
    }

    /// <summary>A new database on <paramref name="server"/>, UTF-8 with the C.UTF-8 collation the tests use.</summary>
    public static async Task<BenchDatabase> PostgresAsync(string server)
    {
        var name = "certifytrack_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'");
        var folder = Directory.CreateTempSubdirectory("certifytrack-bench-").FullName;
        return new BenchDatabase("postgres", new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, folder, server, name);
    }

    /// <summary>Both providers in turn: SQLite, then PostgreSQL when a server is named (else a line saying it was skipped).</summary>
    public static async Task ForEachAsync(Func<BenchDatabase, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using (var sqlite = await SqliteAsync())
        {
            await run(sqlite);
        }

        if (PostgresServer is not { } server)
        {
            Console.WriteLine("postgres: skipped (set CERTIFYTRACK_BENCH_POSTGRES to a server connection string)");
            return;
        }

        await using var postgres = await PostgresAsync(server);
        await run(postgres);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
