using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Clubs;

public static class ClubsModule
{
    public const string Name = "Clubs";

    public static IServiceCollection AddClubsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ClubsDbContext, ClubsSqliteDbContext, ClubsPostgresDbContext>(configuration, Name);
        services.AddSingleton<IGraphQLModule, ClubsGraphQLModule>();
        return services;
    }
}
