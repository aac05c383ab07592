using System.Security.Cryptography;

namespace CertifyTrack.Modules.Events.Registrations;

/// <summary>Check-in codes: 128 random bits in base32 (RFC 4648, upper case, no padding: 26 characters), unguessable and easy to scan.</summary>
internal static class CheckInCodes
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[26];
        int buffer = 0, bits = 0, n = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        chars[n] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars);
    }
}
