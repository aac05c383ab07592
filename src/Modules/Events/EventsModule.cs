using CertifyTrack.Modules.Events.Attendance;
using CertifyTrack.Modules.Events.Contracts;
using CertifyTrack.Modules.Events.Demo;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.GraphQL;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Modules.Events.Reminders;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Extensions;
using CertifyTrack.Shared.GraphQL.Types;
using CertifyTrack.Shared.Demo;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertifyTrack.Modules.Events;

public static class EventsModule
{
    public const string Name = "Events";

    public static IServiceCollection AddEventsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<EventsDbContext, EventsSqliteDbContext, EventsPostgresDbContext>(configuration, Name);
        services.AddSingleton<IGraphQLModule, EventsGraphQLModule>();
        services.AddEventNodes();
        services.AddGraphTypeMapping<Event, EventType>();
        services.AddGraphTypeMapping<EventRegistration, EventRegistrationType>();
        services.AddGraphTypeMapping<EventStatus, EventStatusGraphType>();
        services.AddGraphTypeMapping<RegistrationStatus, RegistrationStatusGraphType>();
        services.AddTypeExtension<ClubEventsExtension>();
        services.AddTypeExtension<StudentRegistrationsExtension>();
        services.AddSingleton<EventClock>();
        services.AddEventAttendance(configuration);
        services.AddSingleton<ReminderSweep>();
        services.AddHostedService<ReminderSweepService>();
        services.AddSingleton<IDemoSeeder, EventsDemoSeeder>();
        // Venues replaces it with the real answer; until then no event holds a booking.
        services.TryAddScoped<IEventVenueCheck, NoVenueCheck>();
        return services;
    }
}
