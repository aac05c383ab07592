using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Authorization;

/// <summary>One host with the authorization test module and the test bearer scheme, shared by a test class (no data is written).</summary>
public sealed class AuthorizationApp : IAsyncLifetime
{
    private TestApp? app;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync(configureServices: s =>
        {
            s.AddTestAuthentication();
            s.AddAuthorizationBuilder().AddPolicy(AuthorizationTestModule.MentoringPolicy, p => p.RequireRole(Roles.Mentor));
            s.AddSingleton<IGraphQLModule, AuthorizationTestModule>();
        });
        Client = app.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>A bearer token for the role, or none for "anonymous".</summary>
    public static string? TokenFor(string role) =>
        role == "anonymous" ? null : TestAuthenticationHandler.Token("42", role);
}
