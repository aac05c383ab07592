using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Modules.Users.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// The real host with real tokens (no test scheme), a fake clock and a configured tooling client.
/// Mail goes to a temporary pickup directory; tests deliver it with <see cref="LinkTokenAsync"/>.
/// </summary>
internal sealed class TokenApp : IAsyncDisposable
{
    public const string RedirectUri = "https://client.example/callback";
    public const string ToolId = "ops-tool";
    public const string ToolSecret = "ops-tool-secret-0123456789";
    public const string AdminPassword = "Bootstrap-Admin-Pass-1";
    public const string Password = "Correct-Horse-9";

    public const string PublicBaseUrl = "https://certifytrack.example.edu";

    private readonly string mailDirectory;

    private TokenApp(TestApp app, FakeTimeProvider time, string mailDirectory, Uri? baseUri)
    {
        App = app;
        Time = time;
        BaseUri = baseUri;
        this.mailDirectory = mailDirectory;
        Client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true });
    }

    public TestApp App { get; }

    /// <summary>The Kestrel address when started with <c>kestrel: true</c> (for WebSocket clients).</summary>
    public Uri? BaseUri { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public static Task<TokenApp> StartAsync(string provider, bool kestrel = false, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync((services, all) => TestApp.StartAsync(provider, services, all), kestrel, settings);

    /// <summary>An instance over a database the caller owns and disposes after it (several instances may share it).</summary>
    public static Task<TokenApp> StartAsync(TestDatabase database, bool kestrel = false, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync((services, all) => Task.FromResult(TestApp.Start(database, services, all)), kestrel, settings);

    private static async Task<TokenApp> StartAsync(
        Func<Action<IServiceCollection>, IReadOnlyDictionary<string, string?>, Task<TestApp>> create,
        bool kestrel,
        IReadOnlyDictionary<string, string?>? settings)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var mail = Path.Combine(Path.GetTempPath(), $"certifytrack-mail-{Guid.NewGuid():N}");
        var all = new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = mail,
            ["Email:Outbox:RunWorker"] = "false",
            ["PublicBaseUrl"] = PublicBaseUrl,
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

        void Services(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);
        var app = await create(Services, all);
        Uri? baseUri = null;
        if (kestrel)
        {
            baseUri = app.StartKestrel();
        }
        else
        {
            _ = app.Server; // starts the host (migrates, registers the clients, bootstraps the admin)
        }

        return new TokenApp(app, time, mail, baseUri);
    }

    public async Task<long> AddUserAsync(string username, UserKind kind = UserKind.Student, bool verified = true, bool active = true)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var user = new User { FirstName = "First", LastName = username, UserType = kind, IsEmailVerified = verified, IsActive = active, DateJoined = Time.GetUtcNow().UtcDateTime };
        user.SetUsername(username);
        user.SetEmail($"{username}@example.edu");
        user.Password = await PasswordHashing.HashAsync(user, Password, TestContext.Current.CancellationToken);
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

    /// <summary><c>me</c> with an access token: 200 while the token is accepted, 401 invalid_token once refused.</summary>
    public async Task<HttpResponseMessage> MeAsync(string accessToken) =>
        (await Client.PostGraphQLAsync("{ me { username } }", accept: "application/json", token: accessToken)).Item1;

    public async Task<HttpStatusCode> MeStatusAsync(string accessToken) => (await MeAsync(accessToken)).StatusCode;

    public async Task<JsonObject> QueryAsync(string query, string accessToken)
    {
        var (_, body) = await Client.PostGraphQLAsync(query, null, accept: "application/json", token: accessToken);
        return body;
    }

    /// <summary>Delivers the outbox and returns the token of the newest link to <paramref name="path"/> mailed to <paramref name="to"/>.</summary>
    public async Task<string> LinkTokenAsync(string to, string path)
    {
        await App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);
        var message = Directory.GetFiles(mailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == to))
            .MaxBy(OutboxId)!;
        var match = Regex.Match(message.HtmlBody ?? "", $"{Regex.Escape(PublicBaseUrl)}/{path}\\?token=([A-Za-z0-9_-]+)");
        Assert.True(match.Success, message.HtmlBody);
        return match.Groups[1].Value;
    }

    /// <summary>The outbox row of a delivered message (its Message-Id is <c>outbox-{id}@certifytrack</c>).</summary>
    private static long OutboxId(MimeMessage message)
    {
        var id = message.MessageId ?? "";
        return long.Parse(id["outbox-".Length..id.IndexOf('@', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        if (Directory.Exists(mailDirectory))
        {
            Directory.Delete(mailDirectory, recursive: true);
        }
    }
}
