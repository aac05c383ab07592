using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>The real host with test bearer tokens and a fake clock, plus helpers that write Users rows directly.</summary>
internal sealed class UsersApp : IAsyncDisposable
{
    private UsersApp(TestApp app, FakeTimeProvider time, bool kestrel)
    {
        App = app;
        Time = time;
        BaseUri = kestrel ? app.StartKestrel() : null;
        Client = app.CreateClient();
    }

    /// <summary>The Kestrel address when started with <c>kestrel: true</c> (for WebSocket clients).</summary>
    public Uri? BaseUri { get; }

    public TestApp App { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public IAuditLog Audit => App.Services.GetRequiredService<IAuditLog>();

    public static async Task<UsersApp> StartAsync(
        string provider,
        DateTimeOffset? now = null,
        bool kestrel = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        TestDatabase? database = null)
    {
        var time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        void Services(IServiceCollection services)
        {
            services.AddTestAuthentication();
            services.AddSingleton<TimeProvider>(time);
            configureServices?.Invoke(services);
        }

        // These tests count users and audit rows: no bootstrap admin unless a test asks for it.
        var allSettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Auth:BootstrapAdmin"] = settings?.GetValueOrDefault("Auth:BootstrapAdmin") ?? "false" };
        // database: one the caller owns and disposes after the app.
        var app = database is null ? await TestApp.StartAsync(provider, Services, allSettings) : TestApp.Start(database, Services, allSettings);
        var usersApp = new UsersApp(app, time, kestrel);
        if (!kestrel)
        {
            _ = usersApp.App.Server; // starts the host (and migrates); Kestrel has started it already
        }

        return usersApp;
    }

    public Task<UsersDbContext> CreateDbContextAsync() =>
        App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    public async Task<long> AddUserAsync(string username, UserKind kind = UserKind.Student, bool verified = false, bool active = true)
    {
        await using var db = await CreateDbContextAsync();
        var user = new User { FirstName = "First", LastName = username, UserType = kind, IsEmailVerified = verified, IsActive = active, DateJoined = Time.GetUtcNow().UtcDateTime };
        user.SetUsername(username);
        user.SetEmail($"{username}@example.edu");
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user.Id;
    }

    public async Task<JsonObject> QueryAsync(string query, string? token = null, object? variables = null)
    {
        var (_, body) = await Client.PostGraphQLAsync(query, variables, accept: "application/json", token: token);
        return body;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
