using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertifyTrack.Host.Events;

/// <summary>The SaveChanges half: without a transaction, messages follow a successful save and die with a failed one.</summary>
internal sealed partial class AfterCommitInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        SavingChanges(eventData, result);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && Find(db) is { } pending)
        {
            pending.SavingWithoutTransaction = db.Database.CurrentTransaction is null;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && Find(db) is { } pending)
        {
            pending.SavingWithoutTransaction = false;
            if (db.Database.CurrentTransaction is null)
            {
                var messages = pending.Take(null, null);
                await NotifyAfterCommitAsync(messages);
                await DeliverAsync(messages);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveEnded(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => SaveEnded(eventData);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData);
        return Task.CompletedTask;
    }

    /// <summary>A failed SaveChanges without a transaction saved nothing: its messages go.</summary>
    private void SaveEnded(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && Find(db) is { } pending)
        {
            pending.SavingWithoutTransaction = false;
            var current = db.Database.CurrentTransaction?.TransactionId;
            if (current is null)
            {
                ReportDropped(pending.Take(null, null).Count);
            }
        }
    }
}
