using System.Net;
using System.Net.Sockets;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on: connections to it are refused at once.</summary>
public static class ClosedPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A PostgreSQL connection string that fails fast: a closed port and short timeouts.</summary>
    public static string PostgresConnectionString() =>
        $"Host=127.0.0.1;Port={Find()};Database=certifytrack;Username=certifytrack;Password=unused;Timeout=2;Command Timeout=2;Pooling=false";
}
