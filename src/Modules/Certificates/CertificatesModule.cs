using CertifyTrack.Modules.Certificates.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Certificates;

public static class CertificatesModule
{
    public const string Name = "Certificates";

    public static IServiceCollection AddCertificatesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CertificatesDbContext, CertificatesSqliteDbContext, CertificatesPostgresDbContext>(configuration, Name);
        services.AddSingleton<IGraphQLModule, CertificatesGraphQLModule>();
        return services;
    }
}
