using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CertifyTrack.Host.Integration.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CertifyTrack.Host.Integration;

/// <summary>A claimed outbox row: what the dispatcher needs to call its handler.</summary>
internal sealed record ClaimedRow(long Id, string Handler, string MessageType, string Payload, int Attempts);

/// <summary>
/// The outbox statements that run on a module's own context (its connection and transaction), so
/// they are plain SQL: that context does not map <c>integration_outbox</c>. The same SQL serves both
/// providers but for the claim's row lock and how ids and times are bound.
/// </summary>
internal static class OutboxSql
{
    private const string Table = OutboxRowConfiguration.Table;

    /// <summary>One row per handler of one message, one statement.</summary>
    public static async Task<int> InsertAsync(
        DbContext db, Guid messageId, IReadOnlyList<string> handlers, string type, string? key, string payload, DateTime now, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(
            $"INSERT INTO {Table} (message_id, handler, message_type, ordering_key, payload, state, attempts, created_at, available_at) VALUES ");
        for (var i = 0; i < handlers.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ", " : "")}(@m, @h{i}, @t, @k, @p, 0, 0, @now, @now)");
        }

        await using var command = Command(db, sql.ToString());
        Add(command, "m", db.Database.IsNpgsql() ? messageId : messageId.ToString("D").ToUpperInvariant());   // EF's SQLite form
        Add(command, "t", type);
        Add(command, "k", (object?)key ?? DBNull.Value, DbType.String);
        Add(command, "p", payload);
        Add(command, "now", now);
        AddNames(command, handlers);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Locks the next due row of <paramref name="handlers"/> inside the caller's transaction: the
    /// oldest pending one with no open (pending or parked) row before it for the same handler and
    /// key. On PostgreSQL <c>FOR UPDATE SKIP LOCKED</c> lets every instance claim at once; the lock
    /// lasts until the handler's transaction ends, so a crash leaves the row pending. SQLite's
    /// transactions take the write lock on <c>BEGIN</c>: one claimer at a time. The same round trip
    /// sets <paramref name="savepoint"/>, which a failed attempt rolls back to.
    /// </summary>
    public static async Task<ClaimedRow?> ClaimAsync(
        DbContext db, IReadOnlyList<string> handlers, DateTime now, string savepoint, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", handlers.Select((_, i) => $"@h{i}"));
        var sql = $"""
            SELECT o.id, o.handler, o.message_type, o.payload, o.attempts FROM {Table} o
            WHERE o.state = 0 AND o.available_at <= @now AND o.handler IN ({names})
              AND NOT EXISTS (SELECT 1 FROM {Table} e
                              WHERE e.handler = o.handler AND e.ordering_key = o.ordering_key AND e.id < o.id AND e.state <> 1)
            ORDER BY o.id LIMIT 1{(db.Database.IsNpgsql() ? " FOR UPDATE OF o SKIP LOCKED" : "")};
            SAVEPOINT {savepoint}
            """;
        await using var command = Command(db, sql);
        Add(command, "now", now);
        AddNames(command, handlers);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Row <paramref name="id"/> in any state, without a lock (<see cref="IntegrationDispatcher.RedeliverAsync"/>); sets the savepoint too.</summary>
    public static async Task<ClaimedRow?> ReadAsync(DbContext db, long id, string savepoint, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"SELECT id, handler, message_type, payload, attempts FROM {Table} WHERE id = @id; SAVEPOINT {savepoint}");
        Add(command, "id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The record that the effect happened, in the effect's transaction; 0 when it already had (a redelivery).</summary>
    public static async Task<int> MarkDeliveredAsync(DbContext db, long id, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"UPDATE {Table} SET state = 1, attempts = attempts + 1, delivered_at = @now WHERE id = @id AND state = 0");
        Add(command, "now", now);
        Add(command, "id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static ClaimedRow Read(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4));

    private static DbCommand Command(DbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // Only table and parameter names are interpolated; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>A failed attempt, recorded in the claiming transaction after the attempt was rolled back.</summary>
    public static async Task<int> MarkFailedAsync(
        DbContext db, long id, int attempts, bool parked, DateTime next, string error, CancellationToken cancellationToken)
    {
        await using var command = Command(
            db, $"UPDATE {Table} SET attempts = @attempts, state = @state, available_at = @next, last_error = @error WHERE id = @id AND state = 0");
        Add(command, "attempts", attempts);
        Add(command, "state", (int)(parked ? OutboxState.Parked : OutboxState.Pending));
        Add(command, "next", next);
        Add(command, "error", error);
        Add(command, "id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddNames(DbCommand command, IReadOnlyList<string> handlers)
    {
        for (var i = 0; i < handlers.Count; i++)
        {
            Add(command, $"h{i}", handlers[i]);
        }
    }

    private static void Add(DbCommand command, string name, object value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        command.Parameters.Add(parameter);
    }
}
