using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CertifyTrack.Shared.Persistence;

/// <summary>
/// The connection and transaction of the command running in this asynchronous flow
/// (<c>CommandField.Run</c>). While it is set, every module context created through
/// <see cref="IDbContextFactory{TContext}"/> (registered by <c>AddModuleDbContext</c>) is opened over
/// that connection and enlisted in that transaction, instead of renting a second pooled connection:
/// a command that asks another module's contract (the user directory, club permissions) holds one
/// connection, so a burst of commands cannot starve the pool, and the contract reads the command's
/// saved but uncommitted rows. It flows with the command's async calls only (an <see cref="AsyncLocal{T}"/>);
/// work that outlives the command finds it cleared. One connection runs one statement at a time, so
/// rule code calls contracts one after another, never in parallel.
/// </summary>
public static class CommandConnection
{
    private static readonly AsyncLocal<Holder?> Ambient = new();

    /// <summary>The command's connection and transaction, or null outside a command.</summary>
    public static (DbConnection Connection, DbTransaction Transaction)? Current =>
        Ambient.Value is { Connection: { } connection, Transaction: { } transaction } ? (connection, transaction) : null;

    /// <summary>Shares <paramref name="db"/>'s open connection and transaction with this flow until disposed.</summary>
    public static IDisposable Share(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Begin the command's transaction before sharing its connection.");
        var holder = new Holder { Connection = db.Database.GetDbConnection(), Transaction = transaction };
        Ambient.Value = holder;
        return holder;
    }

    /// <summary>Enlists <paramref name="db"/>, a new context not yet used, in the current command, if any.</summary>
    internal static TContext Enlist<TContext>(TContext db, DbConnection connection, DbTransaction transaction)
        where TContext : DbContext
    {
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        db.Database.UseTransaction(transaction);
        return db;
    }

    /// <summary>Cleared on dispose, so a task started inside the command that runs on after it sees nothing.</summary>
    private sealed class Holder : IDisposable
    {
        public DbConnection? Connection { get; set; }

        public DbTransaction? Transaction { get; set; }

        public void Dispose()
        {
            Connection = null;
            Transaction = null;
        }
    }
}
