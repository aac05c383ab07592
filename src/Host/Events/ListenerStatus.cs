namespace CertifyTrack.Host.Events;

/// <summary>Whether this instance's <c>LISTEN</c> connection is up, for health checks and tests.</summary>
internal sealed class ListenerStatus
{
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The listener connection's <c>application_name</c>, unique to this instance.</summary>
    public required string ApplicationName { get; init; }

    /// <summary>How many times the listener has (re)connected and run <c>LISTEN</c>.</summary>
    public int Connections { get; private set; }

    /// <summary>The PostgreSQL backend of the listener connection; null while it is down.</summary>
    public int? BackendProcessId { get; private set; }

    public void Listening(int backendProcessId) => Change(() =>
    {
        Connections++;
        BackendProcessId = backendProcessId;
    });

    public void Lost() => Change(() => BackendProcessId = null);

    /// <summary>Completes once the listener is up after at least <paramref name="connections"/> connections.</summary>
    public async Task WaitUntilListeningAsync(int connections, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (BackendProcessId is not null && Connections >= connections)
                {
                    return;
                }

                next = changed.Task;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    private void Change(Action change)
    {
        TaskCompletionSource done;
        lock (gate)
        {
            change();
            done = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.SetResult();
    }
}
