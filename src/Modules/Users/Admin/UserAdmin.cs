using CertifyTrack.Modules.Users.Admin.Import;
using CertifyTrack.Modules.Users.Admin.Invitations;
using CertifyTrack.Modules.Users.Admin.Lists;
using CertifyTrack.Modules.Users.Admin.Mentoring;
using CertifyTrack.Modules.Users.Admin.NewUsers;
using CertifyTrack.Modules.Users.Admin.Status;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Admin;

/// <summary>The admin tools of the Users module: services, and their root fields.</summary>
internal static class UserAdmin
{
    public static IServiceCollection AddUserAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SetPasswordInvitations>();
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section))
            .Validate(o => o.ExecutionTimeout > TimeSpan.Zero, "Users:Import:ExecutionTimeout must be positive.");
        return services;
    }

    public static void AddQueryFields(ObjectGraphType query)
    {
        UserList.Declare(query);
        StudentList.Declare(query);
    }

    public static void AddMutationFields(ObjectGraphType mutation)
    {
        CreateUser.Declare(mutation);
        ImportUsers.Declare(mutation);
        SetUserActive.Declare(mutation);
        UnlockUser.Declare(mutation);
        AssignMentor.Declare(mutation);
    }
}
