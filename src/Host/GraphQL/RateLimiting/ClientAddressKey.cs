using System.Net;
using System.Net.Sockets;

namespace CertifyTrack.Host.GraphQL.RateLimiting;

/// <summary>
/// The per-IP partition of a client address. An IPv4 address (also one mapped into IPv6) counts
/// by itself; an IPv6 address by its /64 prefix, because one host is usually given a whole /64
/// and could otherwise take a fresh address for every request.
/// </summary>
internal static class ClientAddressKey
{
    public static string From(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown"; // no socket address (an in-memory test server): one shared partition
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }
}
