using GraphQL;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>
/// One socket speaking <c>graphql-transport-ws</c>: reads messages in order, enforces the
/// protocol (close codes in docs/adr/0005-graphql-over-websocket.md), runs each
/// <c>subscribe</c> as a <see cref="WebSocketOperation"/>, and on close stops every operation
/// and waits for their stream subscriptions to be disposed. A signed-in socket closes with 4403
/// when its token expires or its user's sessions are revoked (<see cref="WebSocketSessions"/>).
/// </summary>
internal sealed class GraphQLWebSocketConnection : IDisposable
{
    private const int InitialBufferBytes = 4 * 1024;
    private const int MaxIdLength = 128;

    private readonly WebSocket socket;
    private readonly HttpContext upgradeRequest;
    private readonly WebSocketDependencies dependencies;
    private readonly int maxOperations;
    private readonly int maxPerUser;
    private readonly int maxMessageBytes;
    private readonly WebSocketSender sender;
    private readonly ITimer initTimer;
    private readonly ConcurrentDictionary<string, WebSocketOperation> operations = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource operationsEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int runningOperations = 1; // the receive loop holds one count until it ends
    private int initReceived;
    private volatile bool acknowledged;
    private ITimer? expiryTimer;
    private IDisposable? session;
    private byte[] buffer = new byte[InitialBufferBytes];

    public GraphQLWebSocketConnection(WebSocket socket, HttpContext upgradeRequest, WebSocketDependencies dependencies, GraphQLWebSocketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.socket = socket;
        this.upgradeRequest = upgradeRequest;
        this.dependencies = dependencies;
        maxOperations = options.MaxOperationsPerConnection;
        maxPerUser = options.MaxPerUser;
        maxMessageBytes = options.MaxMessageBytes;
        sender = new WebSocketSender(socket, dependencies.Serializer, options.SendQueueCapacity, options.CloseTimeout, dependencies.Logger, StopOperations);
        initTimer = dependencies.Time.CreateTimer(_ => OnInitTimeout(), null, options.InitTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The user of every operation: set by <c>connection_init</c>, anonymous without a token.</summary>
    public ClaimsPrincipal User { get; private set; } = new(new ClaimsIdentity());

    public GraphQLExecutor Executor => dependencies.Executor;

    public IServiceScopeFactory Services => dependencies.Scopes;

    public void Send(ServerMessage message) => sender.Send(message);

    /// <summary>Closes the socket; the first close wins. Safe from any thread.</summary>
    public void Close(WebSocketCloseStatus status, string reason) => sender.Close(status, reason);

    /// <summary>Forgets an operation that ends by itself; false when it was stopped (or released) already.</summary>
    public bool TryRelease(WebSocketOperation operation) =>
        operations.TryRemove(new KeyValuePair<string, WebSocketOperation>(operation.Id, operation));

    public void LogOperationFailure(Exception exception, string id) =>
        dependencies.Logger.LogError(exception, "GraphQL WebSocket operation {OperationId} failed", id);

    public async Task RunAsync()
    {
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // the peer vanished, or the connection was aborted after a close that did not finish
        }
        finally
        {
            await initTimer.DisposeAsync();
            await EndSessionAsync();
            sender.Close(WebSocketCloseStatus.NormalClosure, string.Empty);
            StopOperations();
            if (Interlocked.Decrement(ref runningOperations) == 0)
            {
                operationsEnded.TrySetResult();
            }

            await operationsEnded.Task;
            await sender.Completion;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        while (true)
        {
            var (closed, length, tooBig) = await ReadMessageAsync(sender.Aborted);
            if (closed)
            {
                // echo the client's close (RFC 6455 5.5.1), or complete the one we started
                var status = socket.CloseStatus is { } s and not WebSocketCloseStatus.Empty ? s : WebSocketCloseStatus.NormalClosure;
                sender.Close(status, string.Empty);
                return;
            }

            if (sender.IsClosing)
            {
                continue; // draining until the client answers our close frame
            }

            if (tooBig)
            {
                Close(CloseCodes.MessageTooBig, $"Messages are limited to {maxMessageBytes} bytes.");
                continue;
            }

            try
            {
                await HandleAsync(buffer.AsMemory(0, length));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                dependencies.Logger.LogError(ex, "A GraphQL WebSocket message could not be handled");
                Close(CloseCodes.InternalError, "Internal server error");
            }

            if (buffer.Length > 64 * 1024)
            {
                buffer = new byte[InitialBufferBytes]; // a large message does not hold memory for the socket's life
            }
        }
    }

    private async Task<(bool Closed, int Length, bool TooBig)> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        var tooBig = false;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > maxMessageBytes)
                {
                    tooBig = true; // keep reading to the end of the message, keeping none of it
                    length = 0;
                }
                else
                {
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxMessageBytes + 1));
                }
            }

            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (true, 0, false);
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return (false, length, tooBig || length > maxMessageBytes);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> data)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            Close(CloseCodes.BadRequest, "Invalid message received: not JSON.");
            return;
        }

        using (json)
        {
            if (!ClientMessage.TryRead(json.RootElement, out var message, out var error))
            {
                Close(CloseCodes.BadRequest, error);
                return;
            }

            switch (message.Type)
            {
                case ClientMessage.ConnectionInit:
                    await OnConnectionInitAsync(message);
                    break;
                case ClientMessage.Ping:
                    Send(new ServerMessage(ServerMessage.Pong));
                    break;
                case ClientMessage.Pong:
                    break;
                case ClientMessage.Subscribe:
                    OnSubscribe(message);
                    break;
                case ClientMessage.Complete:
                    if (operations.TryRemove(message.Id!, out var operation))
                    {
                        operation.Stop();
                    }

                    break;
            }
        }
    }

    private async Task OnConnectionInitAsync(ClientMessage message)
    {
        if (Interlocked.Exchange(ref initReceived, 1) != 0)
        {
            Close(CloseCodes.TooManyInits, "Too many initialisation requests");
            return;
        }

        await initTimer.DisposeAsync();

        // Counted as an operation of the address (the user is not known yet): sockets that only
        // initialise are limited like any other traffic from there.
        if (dependencies.Admission.TryAdmit(User, upgradeRequest.Connection.RemoteIpAddress, 1) is not null)
        {
            Close(CloseCodes.TryAgainLater, "Too many requests from this address: try again later");
            return;
        }

        if (!ConnectionToken.TryRead(message.Payload, out var token))
        {
            Close(CloseCodes.Forbidden, "Forbidden");
            return;
        }

        if (token is not null)
        {
            var user = await dependencies.Authenticator.AuthenticateAsync(token, upgradeRequest);
            if (user is null)
            {
                Close(CloseCodes.Forbidden, "Forbidden");
                return;
            }

            User = user.Principal;
            if (!StartSession(user.ExpiresAt))
            {
                Close(CloseCodes.TryAgainLater, $"At most {maxPerUser} WebSockets per user: close one first");
                return;
            }
        }

        acknowledged = true;
        Send(new ServerMessage(ServerMessage.ConnectionAck));
    }

    private void OnSubscribe(ClientMessage message)
    {
        if (!acknowledged)
        {
            Close(CloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (!message.TryReadRequest(dependencies.Serializer, out var request, out var error))
        {
            Close(CloseCodes.BadRequest, error);
            return;
        }

        if (message.Id!.Length > MaxIdLength)
        {
            Close(CloseCodes.BadRequest, $"Operation ids are at most {MaxIdLength} characters");
            return;
        }

        if (operations.ContainsKey(message.Id))
        {
            Close(CloseCodes.SubscriberExists, $"Subscriber for {message.Id} already exists");
            return;
        }

        if (operations.Count >= maxOperations)
        {
            Send(new ServerMessage(ServerMessage.Error, message.Id, new ExecutionErrors
            {
                new ExecutionError($"At most {maxOperations} operations may run on one connection.") { Code = "TOO_MANY_OPERATIONS" },
            }));
            return;
        }

        // Each subscribe is admitted as a request of its own (docs/adr/0010): a permit before parsing, then
        // its cost and the one-password-hash rule. A refused one gets its error; the socket stays open.
        var address = upgradeRequest.Connection.RemoteIpAddress;
        if (dependencies.Admission.TryAdmit(User, address, 1) is { } refusal)
        {
            Send(new ServerMessage(ServerMessage.Error, message.Id, new ExecutionErrors { refusal.ToError() }));
            return;
        }

        var parsed = Executor.Parse(request!);
        if (dependencies.Admission.TryAdmitParsed(User, address, [(parsed.Document, request!.OperationName)]) is { } refused)
        {
            Send(new ServerMessage(ServerMessage.Error, message.Id, new ExecutionErrors { refused.Error }));
            return;
        }

        var operation = new WebSocketOperation(message.Id, request, parsed, this);
        if (!operations.TryAdd(operation.Id, operation))
        {
            Close(CloseCodes.SubscriberExists, $"Subscriber for {operation.Id} already exists");
            return;
        }

        Interlocked.Increment(ref runningOperations);
        _ = RunOperationAsync(operation);
    }

    private async Task RunOperationAsync(WebSocketOperation operation)
    {
        try
        {
            await Task.Run(operation.RunAsync);
        }
        finally
        {
            if (Interlocked.Decrement(ref runningOperations) == 0)
            {
                operationsEnded.TrySetResult();
            }
        }
    }

    /// <summary>Once the socket is closing no result can reach the client: every operation stops.</summary>
    private void StopOperations()
    {
        foreach (var operation in operations.Values)
        {
            operation.Stop();
        }
    }

    /// <summary>Follows the user's sessions, and closes the socket when its token expires; false when the user has too many sockets.</summary>
    private bool StartSession(DateTimeOffset? expiresAt)
    {
        if (!dependencies.Sessions.TryTrack(this, maxPerUser, out session))
        {
            return false;
        }

        if (expiresAt is { } expiry)
        {
            var due = expiry - dependencies.Time.GetUtcNow();
            expiryTimer = dependencies.Time.CreateTimer(
                _ => Close(CloseCodes.Forbidden, "Forbidden: the token expired"), null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return true;
    }

    private async Task EndSessionAsync()
    {
        session?.Dispose();
        if (expiryTimer is not null)
        {
            await expiryTimer.DisposeAsync();
        }
    }

    private void OnInitTimeout()
    {
        if (Volatile.Read(ref initReceived) == 0)
        {
            Close(CloseCodes.InitTimeout, "Connection initialisation timeout");
        }
    }

    public void Dispose()
    {
        initTimer.Dispose();
        expiryTimer?.Dispose();
        session?.Dispose();
        sender.Dispose();
    }
}
