using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// The network a password attempt comes from, as the lockout counts it: an IPv4 address by its /24,
/// an IPv6 address by its /64 (one host is usually given a whole /64, and a few neighbouring IPv4
/// addresses are cheap to hold), after the forwarded-headers middleware has put the client's
/// address in place of a trusted proxy's. Wider than the rate limiter's per-address key on IPv4 on
/// purpose: an attacker gains nothing by hopping between the addresses of one network.
/// </summary>
internal static class SignInSource
{
    /// <summary>No socket address (an in-memory test server): one shared source.</summary>
    public const string Unknown = "unknown";

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var ipv6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        Span<byte> bytes = stackalloc byte[ipv6 ? 16 : 4];
        address.TryWriteBytes(bytes, out _);
        bytes[(ipv6 ? 8 : 3)..].Clear();
        return string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/{(ipv6 ? 64 : 24)}");
    }
}
