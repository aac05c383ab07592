using CertifyTrack.Host.Integration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CertifyTrack.Host.Operations;

internal static class Telemetry
{
    /// <summary>
    /// Traces for ASP.NET Core, EF Core, GraphQL execution and password hashing, and the metrics of
    /// durable integration events (<see cref="IntegrationMetrics"/>). They leave the process over OTLP
    /// only when an endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or
    /// <c>OpenTelemetry:Otlp:Endpoint</c>); without one, spans are not recorded at all.
    /// </summary>
    public static IServiceCollection AddCertifyTrackTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["OpenTelemetry:Otlp:Endpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("certifytrack"));
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            // Only with somewhere to send them: recording spans nobody exports cost a quarter of the
            // host's CPU for a trivial query (the activity, its tags, the EF Core and HTTP listeners;
            // measured with dotnet-trace, benchmarks/README.md).
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("GraphQL")
                .AddSource("CertifyTrack.Users")   // password hashing spans (PasswordHashing)
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        }

        telemetry
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IntegrationMetrics.MeterName);
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
                }
            });
        return services;
    }
}
