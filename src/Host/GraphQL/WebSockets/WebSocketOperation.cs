using GraphQL;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>
/// One <c>subscribe</c> of a connection: executes the request in its own DI scope; a query or
/// mutation answers with <c>next</c> and <c>complete</c>; a subscription observes its event
/// stream(s), sending each result as <c>next</c> and <c>complete</c> when they end. Errors
/// before execution answer with <c>error</c>. <see cref="Stop"/> (the client's <c>complete</c>,
/// or the socket closing) ends it silently; either way the stream subscriptions and the scope
/// are disposed before <see cref="RunAsync"/> returns.
/// </summary>
internal sealed class WebSocketOperation(string id, GraphQLRequest request, ParsedRequest parsed, GraphQLWebSocketConnection connection) : IDisposable
{
    private readonly string id = id;
    private readonly GraphQLWebSocketConnection connection = connection;
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource cancellation = new();
    private readonly Lock gate = new();
    private bool disposed;
    private int stopped;
    private int openStreams;

    public string Id => id;

    /// <summary>True once the client completed the operation or the socket closes.</summary>
    public bool IsStopped => Volatile.Read(ref stopped) != 0;

    /// <summary>Ends the operation without a message to the client.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        lock (gate)
        {
            if (!disposed)
            {
                cancellation.Cancel();
            }
        }

        done.TrySetResult();
    }

    /// <summary>Called by <see cref="RunAsync"/> when it ends; a late <see cref="Stop"/> is then harmless.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            cancellation.Dispose();
        }
    }

    public async Task RunAsync()
    {
        var subscriptions = new List<IDisposable>();
        var scope = connection.Services.CreateAsyncScope(); // lives as long as the subscription: events resolve in it
        try
        {
            var result = await connection.Executor.ExecuteAsync(request, parsed, connection.User, scope.ServiceProvider, cancellation.Token);
            if (!result.Executed)
            {
                Finish(new ServerMessage(ServerMessage.Error, id, result.Errors ?? new ExecutionErrors()));
            }
            else if (result.Streams is { Count: > 0 } streams)
            {
                openStreams = streams.Count;
                foreach (var stream in streams.Values)
                {
                    subscriptions.Add(stream.Subscribe(new StreamObserver(this)));
                }
            }
            else
            {
                if (connection.TryRelease(this))
                {
                    connection.Send(new ServerMessage(ServerMessage.Next, id, result, this));
                    connection.Send(new ServerMessage(ServerMessage.Complete, id));
                }

                done.TrySetResult();
            }

            await done.Task;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // stopped by the client or the socket
        }
        catch (Exception ex)
        {
            connection.LogOperationFailure(ex, id);
            Finish(new ServerMessage(ServerMessage.Error, id, new ExecutionErrors { new ExecutionError("Internal server error.") { Code = "INTERNAL_SERVER_ERROR" } }));
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            connection.TryRelease(this);
            Dispose();
            await scope.DisposeAsync();
        }
    }

    /// <summary>Ends the operation with a last message, unless it was stopped first.</summary>
    private void Finish(ServerMessage last)
    {
        if (connection.TryRelease(this))
        {
            connection.Send(last);
        }

        done.TrySetResult();
    }

    private sealed class StreamObserver(WebSocketOperation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!operation.IsStopped)
            {
                operation.connection.Send(new ServerMessage(ServerMessage.Next, operation.id, value, operation));
            }
        }

        public void OnError(Exception error) =>
            operation.Finish(new ServerMessage(ServerMessage.Error, operation.id, new ExecutionErrors
            {
                error as ExecutionError ?? new ExecutionError("The event stream failed.") { Code = "STREAM_ERROR" },
            }));

        public void OnCompleted()
        {
            if (Interlocked.Decrement(ref operation.openStreams) == 0)
            {
                operation.Finish(new ServerMessage(ServerMessage.Complete, operation.id));
            }
        }
    }
}
