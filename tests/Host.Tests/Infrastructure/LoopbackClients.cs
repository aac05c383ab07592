using System.Net;
using System.Net.Sockets;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>
/// Clients that connect to a loopback server from a chosen loopback address (any of 127.0.0.0/8 on Linux),
/// so that one test can act as many client addresses.
/// </summary>
public static class LoopbackClients
{
    /// <summary>127.0.0.<paramref name="n"/>.</summary>
    public static IPAddress Address(int n) => new([127, 0, 0, (byte)n]);

    /// <summary>A TCP connection from <paramref name="local"/> to the server's port; null when it is not accepted within <paramref name="timeout"/>.</summary>
    public static async Task<Socket?> ConnectAsync(IPAddress local, int port, TimeSpan timeout)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(local, 0));
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(timeout);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), deadline.Token);
            return socket;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>Whether the server closes <paramref name="socket"/> within <paramref name="within"/> (without answering).</summary>
    public static async Task<bool> ClosedByServerAsync(Socket socket, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(within);
        try
        {
            return await socket.ReceiveAsync(new byte[1], SocketFlags.None, deadline.Token) == 0;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException)
        {
            return true; // reset
        }
    }

    /// <summary>An HTTP handler whose connections come from <paramref name="local"/>.</summary>
    public static SocketsHttpHandler HandlerFrom(IPAddress local) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
