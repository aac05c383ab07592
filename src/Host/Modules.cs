using CertifyTrack.Modules.Aicte;
using CertifyTrack.Modules.Certificates;
using CertifyTrack.Modules.Clubs;
using CertifyTrack.Modules.Events;
using CertifyTrack.Modules.Users;
using CertifyTrack.Modules.Venues;

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
}
