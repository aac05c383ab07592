using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// Runs <see cref="OutboxDispatcher"/> (its feeders, then delivery) at start, whenever a commit queues mail on this instance
/// (<see cref="OutboxSignal"/>), and every <c>Email:Outbox:PollInterval</c> on <see cref="TimeProvider"/>
/// (retries and mail queued by other instances). After a dispatch that sent something it looks again
/// at once, so a backlog larger than one batch drains without waiting a poll interval per batch.
/// </summary>
internal sealed partial class OutboxWorker(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Outbox.RunWorker)
        {
            return;
        }

        Task? bell = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var (fed, sent) = (0, 0);
            try
            {
                (fed, sent) = await dispatcher.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }

            if (fed > 0 || sent > 0)
            {
                continue;   // a round takes one batch: more may be due (a notification to 1,000 users)
            }

            bell ??= signal.WaitAsync(stoppingToken);
            using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(options.Value.Outbox.PollInterval, time, pause.Token);
            var woken = await Task.WhenAny(bell, delay);
            await pause.CancelAsync();
            if (woken == bell)
            {
                bell = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The email outbox could not be dispatched.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
