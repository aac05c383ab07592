using CertifyTrack.Modules.Users.Accounts.Links;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Shared.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Accounts;

internal static class AccountsModule
{
    /// <summary>
    /// Self-service accounts: options (<c>Users:*</c>, <c>Users:Formats:*</c>, <c>PublicBaseUrl</c>),
    /// tokens, account mail, the commands the emailed links run.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).Configure(o =>
        {
            if (configuration["PublicBaseUrl"] is { Length: > 0 } url)
            {
                o.PublicBaseUrl = url;
            }
        });
        services.AddOptions<UserFormatOptions>().Bind(configuration.GetSection(UserFormatOptions.Section))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton<AccountTokens>();
        services.AddScoped<AccountMail>();
        services.AddScoped<TokenRedemption>();
        services.AddSingleton<AccountMailRequests>();
        services.AddSingleton<IOutboxFeeder>(sp => sp.GetRequiredService<AccountMailRequests>());
        services.AddSingleton<IModuleEndpoints, AccountLinkEndpoints>();
        return services;
    }
}
