using System.Runtime.CompilerServices;
using CertifyTrack.Shared.GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CertifyTrack.Host.Events;

/// <summary>
/// Holds back the messages published on a module DbContext until its change commits (see
/// <see cref="CertifyTrack.Shared.Events.IEventBus"/>). Within a transaction, the <c>NOTIFY</c>s
/// are sent just before the commit, on the transaction's own connection, so PostgreSQL delivers
/// them with the commit or never; local delivery follows the commit. After a SaveChanges without
/// a transaction, both follow the save.
/// </summary>
internal sealed partial class AfterCommitInterceptor(IBusFanOut fanOut, ILogger<AfterCommitInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingMessages> contexts = [];

    public void Enqueue(DbContext db, PendingMessage message)
    {
        EnsureRegistered(db);
        ReportDropped(For(db).Add(db.Database.CurrentTransaction?.TransactionId, message));
    }

    /// <summary>
    /// Drops what <paramref name="db"/> holds for its current transaction: the caller rolled back to a
    /// savepoint taken before any of it was published (the integration dispatcher after a failed attempt).
    /// </summary>
    public void Discard(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Find(db) is { } pending)
        {
            var current = db.Database.CurrentTransaction?.TransactionId;
            ReportDropped(pending.Take(current, current).Count);
        }
    }

    /// <summary>Refuses a context this interceptor does not watch: its messages would never be released.</summary>
    public void EnsureRegistered(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors;
        if (interceptors?.Contains(this) != true)
        {
            throw new InvalidOperationException(
                $"{db.GetType().Name} does not hold messages until commit: register it with AddModuleDbContext.");
        }
    }

    private PendingMessages For(DbContext db)
    {
        var pending = contexts.GetValue(db, static _ => new PendingMessages());
        if (pending.StartLease(db.ContextId.Lease) is > 0 and var unsaved)
        {
            LogUnsaved(unsaved);
        }

        return pending;
    }

    private PendingMessages? Find(DbContext? db) => db is not null && contexts.TryGetValue(db, out _) ? For(db) : null;

    private async Task NotifyAfterCommitAsync(List<PendingMessage> messages)
    {
        var payloads = messages.Where(m => m.NotifyPayload is not null).Select(m => m.NotifyPayload!).ToList();
        if (payloads.Count == 0)
        {
            return;
        }

        try
        {
            await fanOut.NotifyAsync(payloads, CancellationToken.None);
        }
#pragma warning disable CA1031 // The change is saved; a lost doorbell must not report it as failed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogNotifyFailed(exception, payloads.Count);
        }
    }

    /// <summary>
    /// After the commit: a failure here is logged, never reported as a failed commit. Handlers run here,
    /// inline, are not part of the GraphQL root field whose commit released them: what they do is checked
    /// as their own work (<see cref="ExpensiveFields.LeaveRootField"/>), not as undeclared work of the field.
    /// </summary>
    private async Task DeliverAsync(List<PendingMessage> messages)
    {
        ExpensiveFields.LeaveRootField();
        foreach (var message in messages)
        {
            try
            {
                await message.DeliverLocally();
            }
#pragma warning disable CA1031 // The change is committed; the caller must not take it for failed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogDeliveryFailed(exception);
            }
        }
    }

    private void ReportDropped(int count)
    {
        if (count > 0)
        {
            LogDropped(count);
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Count} event bus message(s) dropped: published without a transaction on a DbContext that was returned to the pool before a SaveChanges; publish before saving, or inside a transaction")]
    private partial void LogUnsaved(int count);

    [LoggerMessage(LogLevel.Debug, "{Count} event bus message(s) dropped: their change was rolled back, its transaction ended without a commit, or its SaveChanges failed")]
    private partial void LogDropped(int count);

    [LoggerMessage(LogLevel.Error, "Delivering an event bus message after its commit failed")]
    private partial void LogDeliveryFailed(Exception exception);

    [LoggerMessage(LogLevel.Error, "{Count} NOTIFY(s) after a committed SaveChanges failed; other instances miss them")]
    private partial void LogNotifyFailed(Exception exception, int count);
}
