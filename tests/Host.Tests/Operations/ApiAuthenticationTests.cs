using System.Collections.Concurrent;
using System.Net;
using System.Text.Encodings.Web;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Tests.Operations;

/// <summary>
/// On <c>/graphql</c> no scheme is asked whether it owns the request (OpenIddict's server compared the path
/// with each of its endpoints on every API request); the bearer token still signs the caller in. Every other
/// path asks each request-handling scheme as the framework's middleware does. The pipeline does not depend
/// on the database: SQLite only.
/// </summary>
public sealed class ApiAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_requests_skip_the_request_handlers_and_other_paths_keep_them()
    {
        var asked = new ConcurrentQueue<string>();
        await using var app = await UsersApp.StartAsync("sqlite", configureServices: services =>
        {
            services.AddSingleton(asked);
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ProbeHandler>(ProbeHandler.SchemeName, null);
        });
        var id = await app.AddUserAsync("Asha");

        Assert.Equal("""{"data":{"__typename":"Query"}}""", (await app.QueryAsync("{ __typename }")).ToJson());
        var me = await app.QueryAsync("{ me { username } }", TestAuthenticationHandler.Token($"{id}", "student"));
        Assert.Equal("""{"data":{"me":{"username":"Asha"}}}""", me.ToJson());
        Assert.Empty(asked);

        // A refused token is still refused on the short way.
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ __typename }"}""", null, "application/json") };
        forged.Headers.Authorization = new("Bearer", "forged");
        using var refused = await app.Client.SendAsync(forged, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(asked);

        // Elsewhere every request-handling scheme is asked, and OpenIddict's server still answers its endpoints
        // (it owns discovery, so the probe registered after it is not asked there).
        using var health = await app.Client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(["/health/live"], asked);
        using var discovery = await app.Client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.Contains("token_endpoint", await discovery.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(["/health/live"], asked);
    }

    /// <summary>A scheme that owns no request and records each time it is asked.</summary>
    private sealed class ProbeHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ConcurrentQueue<string> asked)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder), IAuthenticationRequestHandler
    {
        public const string SchemeName = "Probe";

        public Task<bool> HandleRequestAsync()
        {
            asked.Enqueue(Request.Path);
            return Task.FromResult(false);
        }

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
