using System.Text.Json;
using CertifyTrack.Host.Integration.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Integration;

/// <summary>
/// Delivers due outbox rows, one per transaction: in a context of the handler's module, it claims a
/// row (<see cref="OutboxSql.ClaimAsync"/>), runs the handler, saves, marks the row delivered and
/// commits — effect and record together, so a second delivery of the same row finds it delivered
/// and takes no effect. A failure rolls all of it back and, in a statement of its own, counts the
/// attempt and schedules the next after the backoff, or parks the row after the last.
/// </summary>
internal sealed partial class IntegrationDispatcher(
    DurableHandlers handlers,
    IServiceScopeFactory scopes,
    IDbContextFactory<IntegrationDbContext> outboxDb,
    IOptions<IntegrationOptions> options,
    IntegrationMetrics metrics,
    TimeProvider time,
    ILogger<IntegrationDispatcher> logger)
{
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
        await using var scope = scopes.CreateAsyncScope();
        await using var db = group.CreateContext(scope.ServiceProvider);
        ClaimedRow? row;
        string error;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            row = await OutboxSql.ClaimAsync(db, group.Names, Now(), cancellationToken);
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
                error = $"{exception.GetType().Name}: {exception.Message}";
                LogFailed(exception, row.Id, row.Handler, row.Attempts + 1);
            }
        }

        await RecordFailureAsync(row, error);
        return true;
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

    /// <summary>
    /// Counts the failed attempt, unless another claimer has moved the row on meanwhile (the
    /// attempt count read must still hold): due again after the backoff, or parked after the last.
    /// </summary>
    private async Task RecordFailureAsync(ClaimedRow row, string error)
    {
        var settings = options.Value;
        var attempts = row.Attempts + 1;
        var parked = attempts >= settings.MaxAttempts;
        var next = Now() + settings.Backoff(attempts);
        var text = error.Length > OutboxRowConfiguration.MaxErrorLength ? error[..OutboxRowConfiguration.MaxErrorLength] : error;
        await using var db = await outboxDb.CreateDbContextAsync(CancellationToken.None);
        var updated = await db.Outbox
            .Where(o => o.Id == row.Id && o.State == OutboxState.Pending && o.Attempts == row.Attempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Attempts, attempts)
                    .SetProperty(o => o.LastError, text)
                    .SetProperty(o => o.AvailableAt, next)
                    .SetProperty(o => o.State, parked ? OutboxState.Parked : OutboxState.Pending),
                CancellationToken.None);
        if (updated == 1)
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
