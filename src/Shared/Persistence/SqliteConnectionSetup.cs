using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace CertifyTrack.Shared.Persistence;

/// <summary>
/// Sets up each native SQLite connection a module context opens, once: a busy timeout, so a request
/// that meets another's write lock waits inside SQLite (which backs off in milliseconds) instead of
/// failing with <c>SQLITE_BUSY</c>, and the Unicode <c>lower</c>/<c>upper</c> (<see cref="SqliteUnicodeCase"/>).
/// With WAL (set when the database is migrated) readers never wait for a writer; writers still take turns.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite pools the native handle (<see cref="SqliteConnection.Handle"/>) behind every
/// <see cref="SqliteConnection"/>, and both settings live on the handle, so they are set when a handle
/// is first seen and kept for its life (remembered in a <see cref="ConditionalWeakTable{TKey, TValue}"/>
/// that forgets a handle when it is closed and collected). The functions are registered on the handle
/// directly: functions registered through <see cref="SqliteConnection.CreateFunction{T1, TResult}(string, Func{T1, TResult}, bool)"/>
/// are registered again on every open and removed on every close, and a per-open
/// <c>PRAGMA busy_timeout</c> was a statement parsed and run each time.
/// </remarks>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    public static readonly SqliteConnectionSetup Instance = new();

    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];

    private SqliteConnectionSetup()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private static void Configure(DbConnection connection)
    {
        // A native handle is used by one open connection at a time, so no two threads configure the same one.
        if (connection is not SqliteConnection { Handle: { } handle } || Configured.TryGetValue(handle, out _))
        {
            return;
        }

        SqliteException.ThrowExceptionForRC(raw.sqlite3_busy_timeout(handle, BusyTimeoutMilliseconds), handle);
        SqliteUnicodeCase.Register(handle);
        Configured.AddOrUpdate(handle, Instance);
    }
}
