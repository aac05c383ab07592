using System.Net.WebSockets;
using System.Threading.Channels;
using GraphQL;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>
/// The one writer of a socket: a bounded queue drained by a single send loop, so that
/// producers (subscription events on any thread) never block and never grow memory without
/// bound. A full queue closes the socket (1008). Closing stops the loop after the send in
/// flight, sends the close frame, and aborts the connection when the close does not finish
/// within <see cref="GraphQLWebSocketOptions.CloseTimeout"/>.
/// </summary>
internal sealed class WebSocketSender : IDisposable
{
    private readonly WebSocket socket;
    private readonly IGraphQLSerializer serializer;
    private readonly TimeSpan closeTimeout;
    private readonly ILogger logger;
    private readonly Action onClosing;
    private readonly Channel<ServerMessage> queue;
    private readonly CancellationTokenSource stopSending = new();
    private readonly CancellationTokenSource abort = new();
    private readonly CancellationTokenRegistration abortRegistration;
    private (WebSocketCloseStatus Status, string Reason)? close;
    private int closing;

    public WebSocketSender(WebSocket socket, IGraphQLSerializer serializer, int capacity, TimeSpan closeTimeout, ILogger logger, Action onClosing)
    {
        this.onClosing = onClosing;
        this.socket = socket;
        this.serializer = serializer;
        this.closeTimeout = closeTimeout;
        this.logger = logger;
        queue = Channel.CreateBounded<ServerMessage>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full; nothing waits
        });
        abortRegistration = abort.Token.Register(socket.Abort);
        Completion = Task.Run(SendLoopAsync);
    }

    /// <summary>Ends when the close frame is sent or the connection is aborted.</summary>
    public Task Completion { get; }

    /// <summary>Cancelled when the connection is aborted; socket reads use it.</summary>
    public CancellationToken Aborted => abort.Token;

    public bool IsClosing => Volatile.Read(ref closing) != 0;

    /// <summary>Queues a message; a full queue closes the connection and drops it.</summary>
    public void Send(ServerMessage message)
    {
        if (!queue.Writer.TryWrite(message) && !IsClosing)
        {
            Close(CloseCodes.SendQueueFull, "Send queue full: the client reads too slowly.");
        }
    }

    /// <summary>
    /// Closes the connection; the first reason given wins, and <c>onClosing</c> runs once.
    /// Safe from any thread.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref closing, 1) != 0)
        {
            return;
        }

        close = (status, CloseCodes.Reason(reason));
        queue.Writer.TryComplete();
        stopSending.Cancel();
        abort.CancelAfter(closeTimeout);
        onClosing();
    }

    private async Task SendLoopAsync()
    {
        using var buffer = new MemoryStream();
        try
        {
            var reader = queue.Reader;
            while (await reader.WaitToReadAsync(stopSending.Token))
            {
                while (!stopSending.IsCancellationRequested && reader.TryRead(out var message))
                {
                    if (message.Type == ServerMessage.Next && message.Operation is { IsStopped: true })
                    {
                        continue; // the client completed it (or the socket is closing): no more results
                    }

                    buffer.SetLength(0);
                    await serializer.WriteAsync(buffer, message.ToOperationMessage(), CancellationToken.None);
                    await socket.SendAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), WebSocketMessageType.Text, true, abort.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // closing or aborted
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // the peer went away; nothing more can be sent
            abort.Cancel();
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A GraphQL WebSocket message could not be sent");
            Close(CloseCodes.InternalError, "Internal server error");
        }

        await SendCloseFrameAsync();
    }

    private async Task SendCloseFrameAsync()
    {
        if (close is not { } c || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            await socket.CloseOutputAsync(c.Status, c.Reason, abort.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // aborted while closing
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref closing, 1);
        abortRegistration.Dispose();
        stopSending.Dispose();
        abort.Dispose();
    }
}
