using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users;

public static class UsersModule
{
    public const string Name = "Users";

    public static IServiceCollection AddUsersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<UsersDbContext, UsersSqliteDbContext, UsersPostgresDbContext>(configuration, Name);
        services.AddSingleton<IGraphQLModule, UsersGraphQLModule>();
        return services;
    }
}
