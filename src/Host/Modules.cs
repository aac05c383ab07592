using CertifyTrack.Modules.Aicte;
using CertifyTrack.Modules.Certificates;
using CertifyTrack.Modules.Clubs;
using CertifyTrack.Modules.Events;
using CertifyTrack.Modules.Users;
using CertifyTrack.Modules.Venues;
using CertifyTrack.Shared.Http;

namespace CertifyTrack.Host;

/// <summary>The one place that lists the modules the host runs.</summary>
internal static class Modules
{
    public static IServiceCollection AddCertifyTrackModules(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddUsersModule(configuration)
            .AddClubsModule(configuration)
            .AddEventsModule(configuration)
            .AddVenuesModule(configuration)
            .AddCertificatesModule(configuration)
            .AddAicteModule(configuration);

    /// <summary>Maps the plain HTTP endpoints every module registered (<see cref="IModuleEndpoints"/>).</summary>
    public static void MapModuleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var module in endpoints.ServiceProvider.GetServices<IModuleEndpoints>())
        {
            module.MapEndpoints(endpoints);
        }
    }
}
