using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>Refresh rotation, client_credentials, discovery and tokens on the WebSocket.</summary>
public sealed class TokenFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refresh_tokens_rotate_and_a_used_one_is_refused(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("meera");
        var first = (await app.PasswordGrantAsync("meera", TokenApp.Password)).Body["refresh_token"]!.GetValue<string>();

        var (status, refreshed) = await app.TokenAsync(("grant_type", "refresh_token"), ("client_id", "certifytrack-web"), ("refresh_token", first));
        Assert.Equal(200, status);
        var second = refreshed["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        var me = await app.QueryAsync("{ me { username } }", refreshed["access_token"]!.GetValue<string>());
        Assert.Equal("""{"data":{"me":{"username":"meera"}}}""", me.ToJson());

        var (reuseStatus, reuse) = await app.TokenAsync(("grant_type", "refresh_token"), ("client_id", "certifytrack-web"), ("refresh_token", first));
        Assert.Equal(400, reuseStatus);
        Assert.Equal("invalid_grant", reuse["error"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refresh_is_refused_once_the_user_is_deactivated(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        var id = await app.AddUserAsync("kiran");
        var refresh = (await app.PasswordGrantAsync("kiran", TokenApp.Password)).Body["refresh_token"]!.GetValue<string>();
        await using (var db = await app.App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false), TestContext.Current.CancellationToken);
        }

        var (status, body) = await app.TokenAsync(("grant_type", "refresh_token"), ("client_id", "certifytrack-web"), ("refresh_token", refresh));

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_configured_tooling_client_gets_an_admin_token_with_client_credentials(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);

        var (status, body) = await app.TokenAsync(("grant_type", "client_credentials"), ("client_id", TokenApp.ToolId), ("client_secret", TokenApp.ToolSecret));
        Assert.Equal(200, status);
        var audit = await app.QueryAsync("{ auditLog(first: 1) { totalCount } }", body["access_token"]!.GetValue<string>());
        Assert.Empty(audit.ErrorCodes());

        var (wrongStatus, wrong) = await app.TokenAsync(("grant_type", "client_credentials"), ("client_id", TokenApp.ToolId), ("client_secret", "nope"));
        Assert.Equal(401, wrongStatus);
        Assert.Equal("invalid_client", wrong["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_discovery_document_lists_the_endpoints_and_grants()
    {
        await using var app = await TokenApp.StartAsync("sqlite");

        var discovery = await app.Client.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration", TestContext.Current.CancellationToken);

        Assert.EndsWith("/connect/token", discovery!["token_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/authorize", discovery["authorization_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/logout", discovery["end_session_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        var grants = discovery["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["authorization_code", "client_credentials", "password", "refresh_token"], grants);
        Assert.Contains("S256", discovery["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Without_the_setting_outside_development_there_is_no_password_grant()
    {
        await using var app = await TokenApp.StartAsync("sqlite", settings: new Dictionary<string, string?> { ["Auth:AllowPasswordGrant"] = "false" });
        await app.AddUserAsync("asha");

        var (status, body) = await app.PasswordGrantAsync("asha", TokenApp.Password);

        Assert.Equal(400, status);
        Assert.Equal("unsupported_grant_type", body["error"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_access_token_signs_in_the_websocket_in_connection_init(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider, kestrel: true);
        await app.AddUserAsync("dev");
        using var http = new HttpClient { BaseAddress = app.App.ClientOptions.BaseAddress };
        using var form = new FormUrlEncodedContent([new("grant_type", "password"), new("client_id", "certifytrack-web"), new("username", "dev"), new("password", TokenApp.Password)]);
        using var response = await http.PostAsync("/connect/token", form, TestContext.Current.CancellationToken);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["access_token"]!.GetValue<string>();

        using var socket = await WebSocketTestClient.ConnectAsync(app.App.ClientOptions.BaseAddress);
        await socket.InitAsync(new JsonObject { ["Authorization"] = "Bearer " + token });
        await socket.SubscribeAsync("me", "{ me { username } }");

        Assert.Equal("""{"data":{"me":{"username":"dev"}}}""", WebSocketTestClient.Json((await socket.ReceiveAsync())["payload"]));
    }
}
