using System.Text.Json;
using CertifyTrack.Host.Events;
using CertifyTrack.Host.Integration.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Integration;

/// <summary>
/// Delivers due outbox rows, one per transaction: in a context of the handler's module, it claims a
/// row (<see cref="OutboxSql.ClaimAsync"/>), runs the handler, saves, marks the row delivered and
/// commits — effect and record together, so a second delivery of the same row finds it delivered
/// and takes no effect. A failure rolls the attempt back to a savepoint taken after the claim and,
/// still holding the row, counts the attempt and schedules the next after the backoff, or parks
/// the row after the last.
/// </summary>
internal sealed partial class IntegrationDispatcher(
    DurableHandlers handlers,
    IServiceScopeFactory scopes,
    AfterCommitInterceptor afterCommit,
    IOptions<IntegrationOptions> options,
    IntegrationMetrics metrics,
    TimeProvider time,
    ILogger<IntegrationDispatcher> logger)
{
    private const string AttemptSavepoint = "integration_attempt";

    /// <summary>Delivers until nothing is due for any handler of this instance.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        bool any;
        do
        {
            any = false;
            foreach (var group in handlers.Groups)
            {
                any |= await TryDeliverNextAsync(group, cancellationToken);
            }
        }
        while (any);
    }

    /// <summary>Claims and delivers one due row of <paramref name="group"/>; false when none is due.</summary>
    public async Task<bool> TryDeliverNextAsync(HandlerGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return await DeliverAsync(group.CreateContext, db => OutboxSql.ClaimAsync(db, group.Names, Now(), AttemptSavepoint, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Hands row <paramref name="rowId"/> to its handler once more without claiming it, whatever its
    /// state, as a duplicate delivery would (a claimer that lost its lock, a replay): the handler runs,
    /// and the record of the first delivery rolls this one's effect back. For tests and drills.
    /// </summary>
    public async Task RedeliverAsync(string handler, long rowId, CancellationToken cancellationToken)
    {
        var (registration, _) = handlers.Get(handler);
        await DeliverAsync(registration.CreateContext, db => OutboxSql.ReadAsync(db, rowId, AttemptSavepoint, cancellationToken), cancellationToken);
    }

    private async Task<bool> DeliverAsync(
        Func<IServiceProvider, DbContext> createContext, Func<DbContext, Task<ClaimedRow?>> claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = createContext(scope.ServiceProvider);
        db.Database.AutoSavepointsEnabled = false;   // the attempt's own savepoint covers the handler's saves
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await claim(db);   // claims and sets the attempt's savepoint
        if (row is null)
        {
            return false;
        }

        try
        {
            await HandleAsync(scope.ServiceProvider, db, row, cancellationToken);
            if (await OutboxSql.MarkDeliveredAsync(db, row.Id, Now(), cancellationToken) == 0)
            {
                LogAlreadyDelivered(row.Id, row.Handler);
                return true;   // disposing the transaction rolls the duplicate effect back
            }

            await transaction.CommitAsync(cancellationToken);
            metrics.Delivered(row.Handler);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception, row.Id, row.Handler, row.Attempts + 1);
            var error = $"{exception.GetType().Name}: {exception.Message}";

            // Undo the attempt but keep the claim: the failure is recorded under the same row lock,
            // so no other claimer retries the row before its backoff. What the handler published on
            // the bus during the attempt is dropped with it.
            await transaction.RollbackToSavepointAsync(AttemptSavepoint, CancellationToken.None);
            db.ChangeTracker.Clear();
            afterCommit.Discard(db);
            await RecordFailureAsync(db, row, error);
            await transaction.CommitAsync(CancellationToken.None);
            return true;
        }
    }

    private async Task HandleAsync(IServiceProvider scope, DbContext db, ClaimedRow row, CancellationToken cancellationToken)
    {
        var (handler, eventName) = handlers.Get(row.Handler);
        if (row.MessageType != eventName)
        {
            throw new InvalidOperationException($"The handler takes {eventName}; the row holds {row.MessageType}.");
        }

        var message = JsonSerializer.Deserialize(row.Payload, handler.EventType, JsonSerializerOptions.Web)
            ?? throw new JsonException("The payload is null.");
        await handler.Invoke(scope, message, db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Counts the failed attempt: due again after the backoff, or parked after the last.</summary>
    private async Task RecordFailureAsync(DbContext db, ClaimedRow row, string error)
    {
        var settings = options.Value;
        var attempts = row.Attempts + 1;
        var parked = attempts >= settings.MaxAttempts;
        var text = error.Length > OutboxRowConfiguration.MaxErrorLength ? error[..OutboxRowConfiguration.MaxErrorLength] : error;
        if (await OutboxSql.MarkFailedAsync(db, row.Id, attempts, parked, Now() + settings.Backoff(attempts), text, CancellationToken.None) == 1)
        {
            metrics.Failed(row.Handler, parked);
            if (parked)
            {
                LogParked(row.Id, row.Handler, attempts);
            }
        }
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(LogLevel.Warning, "Integration event {RowId} for {Handler}: attempt {Attempt} failed")]
    private partial void LogFailed(Exception exception, long rowId, string handler, int attempt);

    [LoggerMessage(LogLevel.Error, "Integration event {RowId} for {Handler} is parked after {Attempts} failed attempts; an admin may retry it (retryIntegrationEvent)")]
    private partial void LogParked(long rowId, string handler, int attempts);

    [LoggerMessage(LogLevel.Information, "Integration event {RowId} for {Handler} was delivered already; this delivery's effect is rolled back")]
    private partial void LogAlreadyDelivered(long rowId, string handler);
}
