using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertifyTrack.Modules.Users.Persistence;

/// <summary>A clean-up that deletes rows past their time (audit retention, expired notifications).</summary>
internal interface IPeriodicSweep
{
    /// <summary>Names the sweep in logs.</summary>
    string Name { get; }

    /// <summary>The time between two runs.</summary>
    TimeSpan Interval { get; }

    /// <summary>Runs once; returns how many rows it deleted.</summary>
    Task<int> SweepAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Runs <typeparamref name="TSweep"/> at start and then every <see cref="IPeriodicSweep.Interval"/>
/// (on <see cref="TimeProvider"/>); a failed run is logged and tried again after the interval.
/// </summary>
internal sealed partial class PeriodicSweepService<TSweep>(TSweep sweep, TimeProvider time, ILogger<TSweep> logger) : BackgroundService
    where TSweep : IPeriodicSweep
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                LogSwept(sweep.Name, await sweep.SweepAsync(stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, sweep.Name);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Sweep} deleted {Count} rows.")]
    private partial void LogSwept(string sweep, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep} failed; it runs again after the interval.")]
    private partial void LogFailed(Exception exception, string sweep);
}
