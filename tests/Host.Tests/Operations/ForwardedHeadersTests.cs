using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Operations;

/// <summary>
/// <c>X-Forwarded-For</c>/<c>-Proto</c> are believed only from configured proxies: then the audit
/// log and the rate limits see the client behind the proxy; otherwise the header is ignored, so a
/// client cannot pick its own address. Over Kestrel, where every test request comes from 127.0.0.1.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Client = "203.0.113.7";
    private const string OtherClient = "198.51.100.9";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task From_a_trusted_proxy_the_forwarded_client_is_audited_and_rate_limited(string provider)
    {
        await using var app = await StartAsync(provider, ("ForwardedHeaders:KnownProxies:0", "127.0.0.1"), ("Auth:RequireHttps", "true"));
        using var http = new HttpClient { BaseAddress = app.BaseUri };

        Assert.Equal(Client, await AuditedAddressAsync(app, http, Client));

        // The profile update took one of the client's two permits; another client is counted apart.
        Assert.Equal("200 429", await StatusesAsync(http, Client, 2));
        Assert.Equal("200 200 429", await StatusesAsync(http, OtherClient, 3));

        Assert.Equal(HttpStatusCode.OK, await DiscoveryStatusAsync(http, "https"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_configured_proxies_the_header_is_ignored(string provider)
    {
        await using var app = await StartAsync(provider, ("Auth:RequireHttps", "true"));
        using var http = new HttpClient { BaseAddress = app.BaseUri };

        Assert.Equal("127.0.0.1", await AuditedAddressAsync(app, http, Client));

        // Whatever address each request claims, they are all 127.0.0.1's: one permit was left.
        Assert.Equal("200", await StatusesAsync(http, OtherClient, 1));
        Assert.Equal("429", await StatusesAsync(http, "192.0.2.1", 1));

        Assert.Equal(HttpStatusCode.BadRequest, await DiscoveryStatusAsync(http, "https"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_peer_that_is_not_a_configured_proxy_cannot_forward(string provider)
    {
        await using var app = await StartAsync(provider, ("ForwardedHeaders:KnownProxies:0", "10.1.2.3"), ("ForwardedHeaders:KnownNetworks:0", "192.168.0.0/16"));
        using var http = new HttpClient { BaseAddress = app.BaseUri };

        Assert.Equal("127.0.0.1", await AuditedAddressAsync(app, http, Client));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.internal")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.5/8")] // host bits set: refused rather than read as all of 10.0.0.0/8
    public async Task A_malformed_proxy_entry_stops_the_host(string key, string value)
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("ForwardedHeaders:KnownProxies", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<UsersApp> StartAsync(string provider, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["GraphQL:RateLimits:PerIp"] = "2" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return UsersApp.StartAsync(provider, kestrel: true, settings: all);
    }

    /// <summary>An audited mutation through /graphql claiming <paramref name="forwardedFor"/>; the address its audit row got.</summary>
    private static async Task<string?> AuditedAddressAsync(UsersApp app, HttpClient http, string forwardedFor)
    {
        var asha = await app.AddUserAsync("asha");
        using var request = Post(
            "mutation { updateMyProfile(input: { firstName: \"Asha\" }) { userErrors { code } } }", forwardedFor, TestAuthenticationHandler.Token($"{asha}", "student"));
        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("""{"data":{"updateMyProfile":{"userErrors":[]}}}""", body.ToJson());

        await using var db = await app.CreateDbContextAsync();
        return await db.AuditLog.Where(a => a.Action == "profile.updated").Select(a => a.IpAddress).SingleAsync(Ct);
    }

    private static async Task<string> StatusesAsync(HttpClient http, string forwardedFor, int count)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            using var request = Post("{ __typename }", forwardedFor);
            using var response = await http.SendAsync(request, Ct);
            statuses[i] = (int)response.StatusCode;
        }

        return string.Join(' ', statuses);
    }

    /// <summary>
    /// The status of the discovery document asked for over plain HTTP, claiming the client used
    /// <paramref name="forwardedProto"/>: with <c>Auth:RequireHttps</c> the token server refuses
    /// anything but HTTPS, so it answers only if the proxy's word is believed.
    /// </summary>
    private static async Task<HttpStatusCode> DiscoveryStatusAsync(HttpClient http, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Add("X-Forwarded-For", Client);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static HttpRequestMessage Post(string query, string forwardedFor, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }
}
