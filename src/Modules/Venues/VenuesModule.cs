using CertifyTrack.Modules.Venues.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Venues;

public static class VenuesModule
{
    public const string Name = "Venues";

    public static IServiceCollection AddVenuesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<VenuesDbContext, VenuesSqliteDbContext, VenuesPostgresDbContext>(configuration, Name);
        services.AddSingleton<IGraphQLModule, VenuesGraphQLModule>();
        return services;
    }
}
