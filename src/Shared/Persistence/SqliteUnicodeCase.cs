using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertifyTrack.Shared.Persistence;

/// <summary>
/// SQLite's built-in <c>lower()</c>/<c>upper()</c> change only the ASCII letters A–Z; PostgreSQL's
/// change every letter (with a UTF-8 locale other than plain <c>C</c>). This replaces them on each
/// SQLite connection with .NET's invariant-culture mapping, so case-insensitive filters
/// (<c>lower(name) LIKE …</c>) match "École" to "école" on both providers.
/// </summary>
internal sealed class SqliteUnicodeCase : DbConnectionInterceptor
{
    public static readonly SqliteUnicodeCase Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("lower", (string? value) => value?.ToLowerInvariant(), isDeterministic: true);
            sqlite.CreateFunction("upper", (string? value) => value?.ToUpperInvariant(), isDeterministic: true);
        }
    }
}
