using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Operations;

/// <summary>
/// Behind a load balancer the socket's peer is the balancer: with trusted proxies configured
/// (<see cref="TrustedProxyOptions"/>) the client address and scheme come from
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> of requests those proxies send, and only of
/// those. Off when none are configured (docs/adr/0010-rate-limits-and-forwarded-headers.md).
/// </summary>
internal static class ForwardedHeadersRegistration
{
    public static IServiceCollection AddCertifyTrackForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustedProxyOptions>().Bind(configuration.GetSection(TrustedProxyOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.Invalid().Any(), "ForwardedHeaders:KnownProxies must hold IP addresses and ForwardedHeaders:KnownNetworks CIDR networks (10.0.0.0/8).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = trusted.Value.ForwardLimit;

            // Only what is configured: not even the framework's default loopback entries.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.Proxies())
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in trusted.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it (authentication, rate limits, the audit log) sees the client.</summary>
    public static IApplicationBuilder UseCertifyTrackForwardedHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ApplicationServices.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.IsEnabled
            ? app.UseForwardedHeaders()
            : app;
    }
}
