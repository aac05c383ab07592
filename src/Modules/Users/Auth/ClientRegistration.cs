using CertifyTrack.Modules.Users.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// Writes the clients from configuration into OpenIddict's application table at start-up: the
/// public first-party client (code + PKCE, refresh) and the confidential tooling clients (client_credentials).
/// The web client always accepts the GraphiQL page, <c>{PublicBaseUrl}/graphql</c>, as a redirect
/// and post-logout URI: the IDE's Sign in button runs the code flow back to itself.
/// </summary>
internal sealed class ClientRegistration(IServiceScopeFactory scopes, IOptions<AuthOptions> options, IOptions<AccountOptions> accounts)
{
    /// <summary>The path of the GraphiQL page (the GraphQL endpoint) under <c>PublicBaseUrl</c>.</summary>
    public const string IdePath = "/graphql";

    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var ide = new Uri(accounts.Value.PublicBaseUrl.TrimEnd('/') + IdePath, UriKind.Absolute);
        await UpsertAsync(manager, WebClient(options.Value.WebClient, ide), cancellationToken);
        foreach (var client in options.Value.Clients.Values.Where(c => c.ClientId.Length > 0))
        {
            await UpsertAsync(manager, ToolingClient(client), cancellationToken);
        }
    }

    private static OpenIddictApplicationDescriptor WebClient(WebClientOptions web, Uri ide)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientOptions.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "CertifyTrack",
        };
        descriptor.RedirectUris.UnionWith(web.RedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.UnionWith(web.PostLogoutRedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        descriptor.RedirectUris.Add(ide);
        descriptor.PostLogoutRedirectUris.Add(ide);
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.GrantTypes.Password,
            Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
        ]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor ToolingClient(ToolingClientOptions client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.ClientId,
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        return descriptor;
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager manager, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await manager.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is not null)
        {
            await manager.UpdateAsync(existing, descriptor, cancellationToken);
            return;
        }

        try
        {
            await manager.CreateAsync(descriptor, cancellationToken);
        }
        catch (Exception) // another instance starting at the same time may have registered it first
        {
            if (await manager.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is null)
            {
                throw;
            }
        }
    }
}
