using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>The real host with real tokens (no test scheme), a fake clock and a configured tooling client.</summary>
internal sealed class TokenApp : IAsyncDisposable
{
    public const string RedirectUri = "https://client.example/callback";
    public const string ToolId = "ops-tool";
    public const string ToolSecret = "ops-tool-secret-0123456789";
    public const string AdminPassword = "Bootstrap-Admin-Pass-1";
    public const string Password = "Correct-Horse-9";

    private TokenApp(TestApp app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
        Client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public TestApp App { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public static async Task<TokenApp> StartAsync(string provider, bool kestrel = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var all = new Dictionary<string, string?>
        {
            ["Auth:WebClient:RedirectUris:0"] = RedirectUri,
            ["Auth:WebClient:PostLogoutRedirectUris:0"] = "https://client.example/",
            ["Auth:Clients:ops:ClientId"] = ToolId,
            ["Auth:Clients:ops:ClientSecret"] = ToolSecret,
            ["CERTIFYTRACK_ADMIN_PASSWORD"] = AdminPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = await TestApp.StartAsync(provider, services => services.AddSingleton<TimeProvider>(time), all);
        if (kestrel)
        {
            app.StartKestrel();
        }
        else
        {
            _ = app.Server; // starts the host (migrates, registers the clients, bootstraps the admin)
        }

        return new TokenApp(app, time);
    }

    public async Task<long> AddUserAsync(string username, UserKind kind = UserKind.Student, bool verified = true, bool active = true)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var user = new User { FirstName = "First", LastName = username, UserType = kind, IsEmailVerified = verified, IsActive = active, DateJoined = Time.GetUtcNow().UtcDateTime };
        user.SetUsername(username);
        user.SetEmail($"{username}@example.edu");
        user.Password = PasswordHashing.Hash(user, Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user.Id;
    }

    public async Task<(int Status, JsonObject Body)> TokenAsync(params (string Key, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
        using var response = await Client.PostAsync("/connect/token", content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, body!);
    }

    public Task<(int Status, JsonObject Body)> PasswordGrantAsync(string username, string password) =>
        TokenAsync(("grant_type", "password"), ("client_id", "certifytrack-web"), ("username", username), ("password", password), ("scope", "openid offline_access"));

    public async Task<JsonObject> QueryAsync(string query, string accessToken)
    {
        var (_, body) = await Client.PostGraphQLAsync(query, null, accept: "application/json", token: accessToken);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
