using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertifyTrack.Shared.Persistence;

/// <summary>
/// Sets SQLite's busy timeout on every connection a module context opens, so a request that
/// meets another's write lock waits inside SQLite (which backs off in milliseconds) instead of
/// failing with <c>SQLITE_BUSY</c>. Microsoft.Data.Sqlite also retries busy errors until the
/// command timeout, polling; this makes the wait short and cheap. With WAL (set when the
/// database is migrated) readers never wait for a writer; writers still take turns.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public const int Milliseconds = 5000;

    private static readonly string Sql = $"PRAGMA busy_timeout = {Milliseconds};";

    public static readonly SqliteBusyTimeoutInterceptor Instance = new();

    private SqliteBusyTimeoutInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
