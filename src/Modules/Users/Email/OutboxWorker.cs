using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// Runs <see cref="OutboxDispatcher"/> at start, whenever a commit queues mail on this instance
/// (<see cref="OutboxSignal"/>), and every <c>Email:Outbox:PollInterval</c> on <see cref="TimeProvider"/>
/// (retries and mail queued by other instances).
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
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
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
