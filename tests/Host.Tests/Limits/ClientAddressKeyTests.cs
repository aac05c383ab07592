using System.Net;
using CertifyTrack.Host.GraphQL.RateLimiting;

namespace CertifyTrack.Host.Tests.Limits;

/// <summary>Which addresses share a per-IP count.</summary>
public sealed class ClientAddressKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "::ffff:203.0.113.7", true)]                      // IPv4 mapped into IPv6 is the same client
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]    // one /64: one host's range
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    public void Addresses_share_a_count_when_they_belong_to_one_client(string a, string b, bool same) =>
        Assert.Equal(same, ClientAddressKey.From(IPAddress.Parse(a)) == ClientAddressKey.From(IPAddress.Parse(b)));
}
