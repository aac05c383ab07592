using System.Security.Cryptography.X509Certificates;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// The OpenIddict token server (stores in the Users context), local validation of its access
/// tokens as the default authentication scheme, and the sign-in cookie of <c>/connect/authorize</c>.
/// </summary>
internal static class AuthRegistration
{
    public static IServiceCollection AddUsersAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContext());

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<UsersDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("/connect/token")
                    .SetAuthorizationEndpointUris("/connect/authorize")
                    .SetEndSessionEndpointUris("/connect/logout")
                    .SetRevocationEndpointUris("/connect/revoke");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                // OpenIddict's default leeway (30 s) lets a copied refresh token be used again; none here,
                // and RefreshTokenReuse makes one redemption win under concurrency and ends the session on reuse.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.AddEventHandler(RefreshTokenReuse.Handler.Descriptor);
                // The discovery document names its endpoints under the issuer (PublicBaseUrl), not under
                // whatever Host header the request came with.
                server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        context.BaseUri = context.Options.Issuer ?? context.BaseUri;
                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order - 1)
                    .SetType(OpenIddictServerHandlerType.Custom));
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);
                // Access tokens are signed JWTs, not encrypted ones: the RSA-OAEP unwrap of a JWE cost every
                // signed-in request more CPU than the rest of token validation (benchmarks/README.md). They
                // carry the subject, roles and session ids the client already knows, live 30 minutes, and
                // stay revocable at once (each request still checks the token's entry). Codes and refresh
                // tokens, which only this server reads, stay encrypted.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.EnableTokenEntryValidation();
                // A token minted from an authorization that a revocation ended a moment later (a refresh
                // racing a password reset) is refused too, not only a token whose own entry is revoked.
                validation.EnableAuthorizationEntryValidation();
                // Both checks in one untracked read instead of OpenIddict's three tracked store lookups.
                foreach (var replaced in TokenEntryCheck.Replaced)
                {
                    validation.RemoveEventHandler(replaced);
                }

                validation.AddEventHandler(TokenEntryCheck.Descriptor);
                validation.UseAspNetCore();
            });

        // Deferred to the options so that they see the environment and the final configuration.
        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<AuthOptions>, IOptions<AccountOptions>, IHostEnvironment>(ConfigureServer);
        services.AddOptions<OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreOptions>()
            .Configure<IOptions<AuthOptions>, IHostEnvironment>((aspNet, auth, environment) =>
                aspNet.DisableTransportSecurityRequirement = !(auth.Value.RequireHttps ?? !environment.IsDevelopment()));

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddCookie(AuthorizeEndpoint.CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "certifytrack.signin";
                cookie.Cookie.Path = "/connect";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events = new CookieAuthenticationEvents { OnRedirectToLogin = _ => Task.CompletedTask };
            });
        services.AddAntiforgery();
        services.AddAuthRateLimits();

        services.AddSingleton<LoginRules>();
        services.AddSingleton<RefreshTokenReuse>();
        services.AddSingleton<TokenEntryCheck>();
        services.AddSingleton<UsernameRateLimiter>();
        services.AddSingleton<ClientRegistration>();
        services.AddSingleton<AdminBootstrap>();
        services.AddHostedService<AuthStartup>();
        services.AddHostedService<TokenPruning>();
        services.AddSingleton<LoginFailureSweep>();
        services.AddHostedService<PeriodicSweepService<LoginFailureSweep>>();
        services.AddSingleton<IModuleEndpoints, AuthEndpoints>();
        return services;
    }

    private static void ConfigureServer(
        OpenIddictServerOptions server, IOptions<AuthOptions> options, IOptions<AccountOptions> accounts, IHostEnvironment environment)
    {
        var auth = options.Value;
        // The issuer of every token and of the discovery document is where users reach the host, never
        // what a request's Host header claims (a cache or a link could otherwise be handed another issuer).
        server.Issuer = new Uri(accounts.Value.PublicBaseUrl, UriKind.Absolute);
        // PKCE with S256 only: a "plain" challenge is the verifier itself, so a code intercepted along
        // with its request is redeemable (a missing method means plain, so it is refused too).
        server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
        if (auth.AllowPasswordGrant ?? environment.IsDevelopment())
        {
            server.GrantTypes.Add(GrantTypes.Password);
        }

        server.AccessTokenLifetime = auth.AccessTokenLifetime;
        server.RefreshTokenLifetime = auth.RefreshTokenLifetime;
        var keys = Path.Combine(environment.ContentRootPath, auth.KeysDirectory);
        var signing = AuthKeys.Load(auth.SigningCertificate, keys, "signing", X509KeyUsageFlags.DigitalSignature);
        var encryption = AuthKeys.Load(auth.EncryptionCertificate, keys, "encryption", X509KeyUsageFlags.KeyEncipherment);
        server.SigningCredentials.Add(new Microsoft.IdentityModel.Tokens.X509SigningCredentials(signing));
        server.EncryptionCredentials.Add(new Microsoft.IdentityModel.Tokens.X509EncryptingCredentials(encryption));
    }
}
