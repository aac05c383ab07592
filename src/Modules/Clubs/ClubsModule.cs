using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Demo;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.GraphQL;
using CertifyTrack.Modules.Clubs.Permissions;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.Demo;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Extensions;
using CertifyTrack.Shared.GraphQL.Types;
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
        services.AddClubNodes();
        services.AddGraphTypeMapping<ClubNode, ClubType>();
        services.AddGraphTypeMapping<ClubMember, ClubMemberType>();
        services.AddGraphTypeMapping<ClubRole, ClubRoleType>();
        services.AddGraphTypeMapping<Contracts.ClubPermission, ClubPermissionGraphType>();
        services.AddTypeExtension<StudentClubsExtension>();
        services.AddTypeExtension<MentorClubsExtension>();
        services.AddScoped<IClubIdentities, DirectoryIdentities>();
        services.AddScoped<ClubPermissions>();
        services.AddScoped<IClubPermissions>(sp => sp.GetRequiredService<ClubPermissions>());
        services.AddScoped<ClubRequestCache>();
        services.AddSingleton<IClubDirectory, ClubDirectory>();
        services.AddSingleton<IDemoSeeder, ClubsDemoSeeder>();
        return services;
    }
}
