using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CertifyTrack.Host.Operations;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> the host believes, bound
/// from <c>ForwardedHeaders</c>. Empty by default: the headers are then ignored, since any
/// client could send them to pick the IP address the audit log records and the rate limits count.
/// </summary>
internal sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies (<c>10.0.0.5</c>, <c>::1</c>).</summary>
    public List<string> KnownProxies { get; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation (<c>10.0.0.0/8</c>).</summary>
    public List<string> KnownNetworks { get; } = [];

    /// <summary>
    /// Trusted proxies in a row in front of the host (a load balancer before a local nginx is 2);
    /// each hop must be a known proxy for the next address to be believed.
    /// </summary>
    [Range(1, 20)]
    public int ForwardLimit { get; set; } = 1;

    public bool IsEnabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Select(p => IPAddress.Parse(p.Trim()));

    public IEnumerable<IPNetwork> Networks() => KnownNetworks.Select(n => IPNetwork.Parse(n.Trim()));

    /// <summary>Entries that do not parse; the host refuses to start with them rather than trust nothing, or the wrong thing.</summary>
    public IEnumerable<string> Invalid() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p.Trim(), out _))
            .Concat(KnownNetworks.Where(n => !IsNetwork(n.Trim())));

    /// <summary>
    /// CIDR with no host bits set: <see cref="IPNetwork.TryParse(string, out IPNetwork)"/> would
    /// quietly read <c>10.0.0.5/8</c> as all of 10.0.0.0/8, where <c>/32</c> was probably meant.
    /// </summary>
    private static bool IsNetwork(string text) =>
        IPNetwork.TryParse(text, out var network)
        && IPAddress.TryParse(text.Split('/')[0], out var address)
        && address.Equals(network.BaseAddress);
}
