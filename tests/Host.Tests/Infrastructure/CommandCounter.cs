using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>
/// Records the SQL commands EF Core runs against one database (matched by its connection's data
/// source and database name, so tests running in parallel on other databases do not count), from
/// every context of the process, through EF Core's <see cref="DiagnosticListener"/>.
/// </summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string dataSource;
    private readonly string database;
    private readonly ConcurrentQueue<(ActivityTraceId? Trace, string Text)> commands = new();
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable allListeners;

    public CommandCounter(string dataSource, string database)
    {
        this.dataSource = dataSource;
        this.database = database;
        allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyCollection<string> Commands => [.. commands.Select(c => c.Text)];

    /// <summary>How many recorded commands contain <paramref name="text"/>.</summary>
    public int Count(string text) => commands.Count(c => c.Text.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// The commands run on behalf of one traced request (its <c>traceparent</c>), leaving out what background
    /// services ran meanwhile. Needs an activity listener that samples <c>Microsoft.AspNetCore</c>.
    /// </summary>
    public IReadOnlyList<string> InTrace(ActivityTraceId trace) => [.. commands.Where(c => c.Trace == trace).Select(c => c.Text)];

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
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
            && data.Command.Connection is { } connection && connection.DataSource == dataSource && connection.Database == database)
        {
            commands.Enqueue((Activity.Current?.TraceId, data.Command.CommandText));
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
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
