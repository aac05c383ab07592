using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertifyTrack.Benchmarks.Common;

/// <summary>
/// Counts the SQL commands of the process: those EF Core runs (its <see cref="DiagnosticListener"/>,
/// both providers) and, on PostgreSQL, every command or batch Npgsql sends (its <see cref="ActivitySource"/>),
/// which also sees the event bus's <c>pg_notify</c> calls that bypass EF Core.
/// </summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable allListeners;
    private readonly ActivityListener npgsql;
    private readonly List<IDisposable> subscriptions = [];
    private int efCommands;
    private int npgsqlCommands;

    public CommandCounter()
    {
        allListeners = DiagnosticListener.AllListeners.Subscribe(this);
        npgsql = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = _ => Interlocked.Increment(ref npgsqlCommands),
        };
        ActivitySource.AddActivityListener(npgsql);
    }

    public (int Ef, int Npgsql) Take() => (Interlocked.Exchange(ref efCommands, 0), Interlocked.Exchange(ref npgsqlCommands, 0));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name)
        {
            Interlocked.Increment(ref efCommands);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        npgsql.Dispose();
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
