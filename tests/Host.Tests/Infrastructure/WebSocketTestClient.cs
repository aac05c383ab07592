using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>A raw <see cref="ClientWebSocket"/> speaking graphql-transport-ws by hand, for protocol tests.</summary>
public sealed class WebSocketTestClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly IDisposable? invoker;

    private WebSocketTestClient(ClientWebSocket socket, IDisposable? invoker = null)
    {
        Socket = socket;
        this.invoker = invoker;
    }

    public ClientWebSocket Socket { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<WebSocketTestClient> ConnectAsync(Uri baseUri, string subProtocol = "graphql-transport-ws")
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(subProtocol);
        var uri = new UriBuilder(baseUri) { Scheme = baseUri.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri;
        await socket.ConnectAsync(uri, Ct);
        return new WebSocketTestClient(socket);
    }

    /// <summary>
    /// Connects from the loopback address <paramref name="local"/> within <paramref name="timeout"/>. A refused
    /// upgrade throws <see cref="WebSocketException"/>; the socket's <c>HttpStatusCode</c> then says why.
    /// </summary>
    public static async Task<WebSocketTestClient> ConnectFromAsync(Uri baseUri, IPAddress local, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(baseUri) { Scheme = "ws", Path = "/graphql" }.Uri;
        var invoker = new HttpMessageInvoker(LoopbackClients.HandlerFrom(local));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(uri, invoker, deadline.Token);
        }
        catch (WebSocketException ex)
        {
            throw new RefusedUpgradeException((int)socket.HttpStatusCode, ex);
        }
        finally
        {
            if (socket.State != WebSocketState.Open)
            {
                socket.Dispose();
                invoker.Dispose();
            }
        }

        return new WebSocketTestClient(socket, invoker);
    }

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, Ct);

    public Task SendAsync(JsonObject message) => SendAsync(message.ToJsonString());

    /// <summary>Sends <c>connection_init</c> and expects <c>connection_ack</c>.</summary>
    public async Task InitAsync(JsonObject? payload = null)
    {
        var init = new JsonObject { ["type"] = "connection_init" };
        if (payload is not null)
        {
            init["payload"] = payload;
        }

        await SendAsync(init);
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", ack["type"]?.GetValue<string>());
    }

    public Task SubscribeAsync(string id, string query, JsonObject? variables = null) => SendAsync(new JsonObject
    {
        ["id"] = id,
        ["type"] = "subscribe",
        ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables },
    });

    /// <summary>The next message; fails when the server closes instead.</summary>
    public async Task<JsonObject> ReceiveAsync()
    {
        var (text, close) = await ReceiveTextAsync();
        Assert.True(text is not null, $"Expected a message, but the socket closed: {close} {Socket.CloseStatusDescription}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Reads until the server's close frame, answers it, and returns the close code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        while (true)
        {
            var (text, close) = await ReceiveTextAsync();
            if (text is null)
            {
                return ((int)close!.Value, Socket.CloseStatusDescription);
            }
        }
    }

    /// <summary>The next message's text, or null and the close status when the server closed.</summary>
    public async Task<(string? Text, WebSocketCloseStatus? Close)> ReceiveTextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Timeout);
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (Socket.State == WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
                }

                return (null, result.CloseStatus);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), null);
            }
        }
    }

    public static string Json(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";

    public void Dispose()
    {
        Socket.Dispose();
        invoker?.Dispose();
    }
}

/// <summary>The server answered a WebSocket upgrade with <see cref="StatusCode"/> instead of 101.</summary>
public sealed class RefusedUpgradeException(int statusCode, Exception inner)
    : Exception($"The WebSocket upgrade was answered with {statusCode}.", inner)
{
    public int StatusCode { get; } = statusCode;
}
