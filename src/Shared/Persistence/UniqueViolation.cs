using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CertifyTrack.Shared.Persistence;

/// <summary>
/// Tells which unique index a failed save broke, on either provider, so that a command can answer
/// "this name is taken" instead of a fault when a concurrent request won the race past its own
/// checks. PostgreSQL names the index (SQLSTATE 23505, <c>ConstraintName</c>); SQLite (error 19,
/// extended 2067) names only <c>table.column</c>s, which are looked up in the context's model.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const string SqliteMessagePrefix = "UNIQUE constraint failed: ";

    /// <summary>The database name of the unique index <paramref name="exception"/> reports, or null for any other failure.</summary>
    public static string? IndexName(DbContext db, DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName,
            SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique } sqlite => FromSqlite(db, sqlite.Message),
            _ => null,
        };
    }

    /// <summary>SQLite's message ends <c>UNIQUE constraint failed: auth_user.normalized_username'.</c>; several columns are comma-separated.</summary>
    private static string? FromSqlite(DbContext db, string message)
    {
        var start = message.IndexOf(SqliteMessagePrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var columns = message[(start + SqliteMessagePrefix.Length)..].TrimEnd('.', '\'').Split(", ");
        var table = columns[0].Split('.')[0];
        var names = columns.Select(c => c[(c.IndexOf('.', StringComparison.Ordinal) + 1)..]).ToArray();
        return db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() == table)
            .SelectMany(e => e.GetIndexes())
            .Where(i => i.IsUnique && i.Properties.Select(p => p.GetColumnName()).SequenceEqual(names))
            .Select(i => i.GetDatabaseName())
            .FirstOrDefault();
    }
}
