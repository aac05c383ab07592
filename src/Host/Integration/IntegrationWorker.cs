using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Integration;

/// <summary>
/// Runs this instance's dispatcher: at start, whenever the doorbell rings (a commit that wrote
/// outbox rows, on any instance: the bus carries it over PostgreSQL <c>NOTIFY</c>), and every
/// <see cref="IntegrationOptions.PollInterval"/> on <see cref="TimeProvider"/> (retries that come
/// due, a doorbell lost while the listener reconnected). Each round runs
/// <see cref="IntegrationOptions.Concurrency"/> drains at once on PostgreSQL, one on SQLite; then
/// it counts the parked rows and, once per <see cref="IntegrationOptions.PruneInterval"/>, deletes
/// delivered rows older than <see cref="IntegrationOptions.Retention"/>.
/// </summary>
internal sealed partial class IntegrationWorker(
    IntegrationDispatcher dispatcher,
    IEventBus bus,
    IDbContextFactory<IntegrationDbContext> outboxDb,
    DatabaseSettings database,
    IOptions<IntegrationOptions> options,
    IntegrationMetrics metrics,
    TimeProvider time,
    ILogger<IntegrationWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim bell = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunDispatcher)
        {
            return;
        }

        _ = ListenAsync(stoppingToken);   // subscribed before the first drain: no doorbell falls between
        var drains = database.Provider == DatabaseProvider.Postgres ? settings.Concurrency : 1;
        var nextPrune = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, drains).Select(_ => dispatcher.DrainAsync(stoppingToken)));
                await using var db = await outboxDb.CreateDbContextAsync(stoppingToken);
                metrics.Counted(await db.Outbox.LongCountAsync(o => o.State == OutboxState.Parked, stoppingToken));
                if (time.GetUtcNow() >= nextPrune)
                {
                    var cutoff = (time.GetUtcNow() - settings.Retention).UtcDateTime;
                    var pruned = await db.Outbox.Where(o => o.State == OutboxState.Delivered && o.DeliveredAt < cutoff).ExecuteDeleteAsync(stoppingToken);
                    LogPruned(pruned);
                    nextPrune = time.GetUtcNow() + settings.PruneInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be away for a while; the worker tries again at the next poll.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogRoundFailed(exception);
            }

            await WaitAsync(settings.PollInterval, stoppingToken);
        }
    }

    public override void Dispose()
    {
        bell.Dispose();
        base.Dispose();
    }

    /// <summary>Until the poll interval ends or the doorbell rings; one ring covers every commit before it.</summary>
    private async Task WaitAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await Task.WhenAny(bell.WaitAsync(pause.Token), Task.Delay(interval, time, pause.Token));
        }
        finally
        {
            await pause.CancelAsync();
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in bus.Subscribe(OutboxDoorbell.Topic).WithCancellation(stoppingToken))
            {
                if (bell.CurrentCount == 0)
                {
                    try
                    {
                        bell.Release();
                    }
                    catch (SemaphoreFullException)
                    {
                        // Rung already.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host stops.
        }
    }

    [LoggerMessage(LogLevel.Debug, "Integration outbox: {Count} delivered rows past the retention deleted")]
    private partial void LogPruned(int count);

    [LoggerMessage(LogLevel.Error, "Integration outbox: a dispatch round failed; it runs again at the next poll")]
    private partial void LogRoundFailed(Exception exception);
}

/// <summary>Rung after a commit that wrote outbox rows, on every instance; carries nothing.</summary>
internal sealed record OutboxDoorbell
{
    public static readonly Topic<OutboxDoorbell> Topic = new("platform.integration-outbox");
}
