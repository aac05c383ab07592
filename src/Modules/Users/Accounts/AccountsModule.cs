using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Accounts;

internal static class AccountsModule
{
    /// <summary>Self-service accounts: options (<c>Users:*</c>, <c>PublicBaseUrl</c>), hashing, tokens, account mail.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).Configure(o =>
        {
            if (configuration["PublicBaseUrl"] is { Length: > 0 } url)
            {
                o.PublicBaseUrl = url;
            }
        });
        services.AddSingleton<AccountTokens>();
        services.AddScoped<AccountMail>();
        return services;
    }
}
