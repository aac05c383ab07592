using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CertifyTrack.Shared.Persistence;

/// <summary>
/// SQLite's built-in <c>lower()</c>/<c>upper()</c> change only the ASCII letters A–Z; PostgreSQL's
/// change every letter (with a UTF-8 locale other than plain <c>C</c>). This replaces them on a
/// native SQLite connection with .NET's invariant-culture mapping, so case-insensitive filters
/// (<c>lower(name) LIKE …</c>) match "École" to "école" on both providers. Registered once per
/// native handle by <see cref="SqliteConnectionSetup"/>.
/// </summary>
internal static class SqliteUnicodeCase
{
    private static readonly delegate_function_scalar Lower = (context, _, args) => Map(context, args, static s => s.ToLowerInvariant());
    private static readonly delegate_function_scalar Upper = (context, _, args) => Map(context, args, static s => s.ToUpperInvariant());

    public static void Register(sqlite3 handle)
    {
        SqliteException.ThrowExceptionForRC(
            raw.sqlite3_create_function(handle, "lower", 1, raw.SQLITE_DETERMINISTIC, null, Lower), handle);
        SqliteException.ThrowExceptionForRC(
            raw.sqlite3_create_function(handle, "upper", 1, raw.SQLITE_DETERMINISTIC, null, Upper), handle);
    }

    // Called by SQLite from native code: an exception must not escape, so it becomes the statement's error.
    private static void Map(sqlite3_context context, sqlite3_value[] args, Func<string, string> map)
    {
        try
        {
            if (raw.sqlite3_value_type(args[0]) == raw.SQLITE_NULL)
            {
                raw.sqlite3_result_null(context);
            }
            else
            {
                raw.sqlite3_result_text(context, map(raw.sqlite3_value_text(args[0]).utf8_to_string()));
            }
        }
#pragma warning disable CA1031 // any failure must reach SQLite as the statement's error, not unwind through native frames
        catch (Exception ex)
#pragma warning restore CA1031
        {
            raw.sqlite3_result_error(context, ex.Message);
        }
    }
}
