using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Operations.Connections;

/// <summary>Kestrel's connection limits and the per-address cap, from <see cref="ConnectionBudget"/>.</summary>
internal static partial class ConnectionLimitsRegistration
{
    public static IServiceCollection AddCertifyTrackConnectionLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectionLimitOptions>().Bind(configuration.GetSection(ConnectionLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(ConnectionBudget.FromServices);
        services.AddSingleton<PerIpConnectionLimit>();
        services.AddOptions<KestrelServerOptions>().Configure<ConnectionBudget, PerIpConnectionLimit, IOptions<ConnectionLimitOptions>, ILogger<PerIpConnectionLimit>>(
            (kestrel, budget, perIp, options, logger) =>
            {
                kestrel.Limits.MaxConcurrentConnections = budget.MaxConnections;
                kestrel.Limits.MaxConcurrentUpgradedConnections = budget.MaxUpgradedConnections;
                kestrel.Limits.RequestHeadersTimeout = options.Value.RequestHeadersTimeout;
                kestrel.ConfigureEndpointDefaults(listen => listen.Use(perIp.Wrap));
                LogBudget(logger, budget.MaxConnections, budget.MaxUpgradedConnections, budget.PerIp, budget.DescriptorLimit);
                if (budget.DescriptorLimit < ConnectionBudget.Reserved * 2)
                {
                    LogLowLimit(logger, budget.DescriptorLimit);
                }
            });
        return services;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Connection limits: {Connections} HTTP connections, {WebSockets} WebSockets, {PerIp} per client address (descriptor limit {Limit}).")]
    private static partial void LogBudget(ILogger logger, long connections, long webSockets, int perIp, long? limit);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The descriptor limit is {Limit}: few connections fit beside what the runtime holds. Raise it (ulimit -n, LimitNOFILE) for production.")]
    private static partial void LogLowLimit(ILogger logger, long? limit);
}
