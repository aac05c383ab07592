using CertifyTrack.Modules.Events.Attendance;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Events;

public static class EventsModule
{
    public const string Name = "Events";

    public static IServiceCollection AddEventsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<EventsDbContext, EventsSqliteDbContext, EventsPostgresDbContext>(configuration, Name);
        services.AddSingleton<IGraphQLModule, EventsGraphQLModule>();
        services.AddEventAttendance(configuration);
        return services;
    }
}
