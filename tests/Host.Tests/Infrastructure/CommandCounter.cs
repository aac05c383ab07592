using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
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
    private readonly ConcurrentQueue<string> commands = new();
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable allListeners;

    public CommandCounter(string dataSource, string database)
    {
        this.dataSource = dataSource;
        this.database = database;
        allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyCollection<string> Commands => commands;

    /// <summary>
    /// Keeps EF Core's diagnostic listener subscribed for the whole test process, from before any host
    /// starts: EF Core decides whether to raise its command events when a context's services are built,
    /// so a counter subscribing later saw nothing once the host stopped recording traces (which had kept
    /// the listener subscribed).
    /// </summary>
    [ModuleInitializer]
    internal static void KeepEfDiagnosticsOn() => DiagnosticListener.AllListeners.Subscribe(new AlwaysListening());

    /// <summary>How many recorded commands contain <paramref name="text"/>.</summary>
    public int Count(string text) => commands.Count(c => c.Contains(text, StringComparison.Ordinal));

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
            commands.Enqueue(data.Command.CommandText);
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

internal sealed class AlwaysListening : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
