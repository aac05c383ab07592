using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertifyTrack.Host.Events;

/// <summary>The transaction half: bind on start, notify inside the commit, deliver after it, drop on rollback.</summary>
internal sealed partial class AfterCommitInterceptor
{
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Bind(eventData);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Bind(eventData);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result)
    {
        Bind(eventData);
        return result;
    }

    public ValueTask<DbTransaction> TransactionUsedAsync(
        DbConnection connection, TransactionEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Bind(eventData);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        TransactionCommittingAsync(transaction, eventData, result).AsTask().GetAwaiter().GetResult();

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Find(eventData.Context)?.PayloadsOf(eventData.TransactionId) is { Count: > 0 } payloads)
        {
            // Inside the transaction: PostgreSQL sends these with the commit, or never.
            await fanOut.NotifyInTransactionAsync(transaction, payloads, cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Find(eventData.Context) is { } pending)
        {
            await DeliverAsync(pending.Take(eventData.TransactionId, eventData.TransactionId));
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Failed(eventData);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>A failed commit or rollback ends the transaction; a failed savepoint does not.</summary>
    private void Failed(TransactionErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Action is "Commit" or "Rollback")
        {
            Drop(eventData);
        }
    }

    private void Bind(TransactionEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Find(eventData.Context) is { } pending)
        {
            ReportDropped(pending.TransactionStarted(eventData.TransactionId));
        }
    }

    private void Drop(TransactionEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Find(eventData.Context) is { } pending)
        {
            ReportDropped(pending.Take(eventData.TransactionId, eventData.TransactionId).Count);
        }
    }
}
