using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertifyTrack.Host.Events;

internal static class EventBusRegistration
{
    /// <summary>
    /// Registers <see cref="IEventBus"/>: in-process on SQLite; on PostgreSQL also the
    /// <c>NOTIFY</c> fan-out, the listener and its health check. The after-commit interceptor
    /// reaches every module DbContext through <c>AddModuleDbContext</c>.
    /// </summary>
    public static IServiceCollection AddCertifyTrackEventBus(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(EventBusOptions.Section).Get<EventBusOptions>() ?? new EventBusOptions();
        options.Validate();
        var instance = new BusInstance(Guid.NewGuid());
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(instance);
        services.AddSingleton<LocalTopics>();
        services.AddSingleton<AfterCommitInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<AfterCommitInterceptor>());
        services.AddSingleton<IEventBus, EventBus>();
        if (DatabaseSettings.From(configuration).Provider != DatabaseProvider.Postgres)
        {
            services.AddSingleton<IBusFanOut, InProcessFanOut>();
            return services;
        }

        services.AddSingleton<IBusFanOut, PostgresFanOut>();
        services.AddSingleton(new ListenerStatus { ApplicationName = $"certifytrack-bus-{instance.Id:N}" });
        services.AddHostedService<PostgresBusListener>();
        services.AddHealthChecks().AddCheck<EventBusHealthCheck>("event-bus", tags: ["ready"]);
        return services;
    }
}
