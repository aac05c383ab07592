using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertifyTrack.Modules.Events.Reminders;

/// <summary>
/// Runs <see cref="ReminderSweep"/> at start and every <c>Events:ReminderSweepSeconds</c> (60) on the
/// <see cref="TimeProvider"/>; off when the interval is zero. A failed sweep is logged and runs again
/// after the interval (its uncommitted claims were rolled back). Every host instance may run it: the
/// claims keep each reminder to one.
/// </summary>
internal sealed partial class ReminderSweepService(ReminderSweep sweep, TimeProvider time, ILogger<ReminderSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (sweep.Interval <= TimeSpan.Zero)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await sweep.SweepAsync(stoppingToken) is > 0 and var count)
                {
                    LogReminded(count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            try
            {
                await Task.Delay(sweep.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded {Count} registrations of events starting within 24 h.")]
    private partial void LogReminded(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The event reminder sweep failed; it runs again after the interval.")]
    private partial void LogFailed(Exception exception);
}
