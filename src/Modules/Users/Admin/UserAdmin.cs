using CertifyTrack.Modules.Users.Admin.Import;
using CertifyTrack.Modules.Users.Admin.Invitations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Admin;

/// <summary>The services of the Users module's admin tools (their fields are listed in <see cref="UsersGraphQLModule"/>).</summary>
internal static class UserAdmin
{
    public static IServiceCollection AddUserAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SetPasswordInvitations>();
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section))
            .Validate(o => o.ExecutionTimeout > TimeSpan.Zero, "Users:Import:ExecutionTimeout must be positive.");
        return services;
    }
}
