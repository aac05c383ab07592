using CertifyTrack.Host.Integration.GraphQL;
using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Relay;
using CertifyTrack.Shared.GraphQL.Types;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertifyTrack.Host.Integration;

internal static class IntegrationRegistration
{
    /// <summary>
    /// The outbox table's own context and migrations (module <c>Integration</c>), registered with the
    /// persistence so that the migrator and the model checks see it like a module's.
    /// </summary>
    public static IServiceCollection AddIntegrationStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<IntegrationDbContext, IntegrationSqliteDbContext, IntegrationPostgresDbContext>(configuration, IntegrationDbContext.Module);

    /// <summary>
    /// Durable integration events: the outbox writer behind <c>IEventBus.PublishAsync</c>, the
    /// dispatcher and its worker, readiness (Degraded while rows are parked), the metrics and the
    /// admin fields. Needs the event bus (its doorbell topic) and <see cref="AddIntegrationStore"/>.
    /// </summary>
    public static IServiceCollection AddCertifyTrackIntegrationEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntegrationOptions>().Bind(configuration.GetSection(IntegrationOptions.Section))
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IntegrationMetrics>();
        services.AddSingleton<DurableHandlers>();
        services.AddSingleton<IntegrationOutbox>();
        services.AddSingleton<IntegrationDispatcher>();
        services.AddHostedService<IntegrationWorker>();
        services.AddHealthChecks().AddCheck<IntegrationHealthCheck>("integration-events", tags: ["ready"]);
        services.AddSingleton<IGraphQLModule, IntegrationEventFields>();
        services.AddNodeSource(IntegrationEventFields.Nodes);
        services.AddGraphTypeMapping<OutboxRow, IntegrationEventType>();
        return services;
    }
}
