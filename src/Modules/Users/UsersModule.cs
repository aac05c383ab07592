using CertifyTrack.Modules.Users.Admin;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Audit;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Demo;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.Demo;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Http;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertifyTrack.Modules.Users;

public static class UsersModule
{
    public const string Name = "Users";

    public static IServiceCollection AddUsersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<UsersDbContext, UsersSqliteDbContext, UsersPostgresDbContext>(configuration, Name);
        services.AddSingleton<IGraphQLModule, UsersGraphQLModule>();
        services.AddUserNodes();

        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section))
            .Validate(o => { o.Validate(); return true; });
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<AuditRetention>();
        services.AddHostedService<PeriodicSweepService<AuditRetention>>();
        services.AddSingleton<IModuleEndpoints, AuditLogCsvExport>();
        services.AddNotifications(configuration);
        services.AddUserAdmin(configuration);
        services.AddEmail(configuration);
        services.AddAccounts(configuration);
        services.AddUsersAuth(configuration);
        services.AddSingleton<IDemoSeeder, UsersDemoSeeder>();
        return services;
    }
}
