using CertifyTrack.Modules.Aicte.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Aicte;

public static class AicteModule
{
    public const string Name = "Aicte";

    public static IServiceCollection AddAicteModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AicteDbContext, AicteSqliteDbContext, AictePostgresDbContext>(configuration, Name);
        services.AddSingleton<IGraphQLModule, AicteGraphQLModule>();
        return services;
    }
}
