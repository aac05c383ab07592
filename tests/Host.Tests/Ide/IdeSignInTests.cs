using System.Collections.Concurrent;
using CertifyTrack.Host.Events;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Demo;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuppeteerSharp;
using static CertifyTrack.Host.Tests.Ide.IdeBrowser;

namespace CertifyTrack.Host.Tests.Ide;

/// <summary>
/// GraphiQL's Sign in button in real headless Chromium: the code flow with PKCE through the
/// sign-in page back to the IDE, the token on HTTP requests and in <c>connection_init</c>, refresh,
/// and Sign out. The IDE is served where <c>PublicBaseUrl</c> says, as the web client's redirect URI requires.
/// </summary>
public sealed class IdeSignInTests
{
    private const string Password = "Demo-College-2026";
    private const string SessionKey = "certifytrack.ide.session";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sign_in_sends_the_token_over_HTTP_and_the_WebSocket_refreshes_it_and_sign_out_ends_it(string provider)
    {
        await using var app = await StartAsync(provider);
        var baseUri = app.StartKestrel();
        await SeedDemoAsync(app);
        await using var session = await OpenAsync(app, baseUri);
        var page = session.Page;
        var tokenRequests = RecordTokenRequests(page);

        // Sign in: to the sign-in page with PKCE (S256) and a state, and back to the IDE.
        await NavigateByClickAsync(page, "#certifytrack-sign-in");
        var authorize = new Uri(page.Url);
        Assert.Equal("/connect/authorize", authorize.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(new Uri(baseUri, "/graphql").ToString(), query["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        await page.TypeAsync("#username", "cse.student01");
        await page.TypeAsync("#password", Password);
        await NavigateByClickAsync(page, "button[type=submit]");
        await WaitForTextAsync(session, "#certifytrack-signed-in-as", "Signed in as cse.student01");
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
        Assert.Equal(["authorization_code"], tokenRequests.Select(GrantType));
        Assert.Empty(await page.EvaluateExpressionAsync<string[]>("Object.keys(localStorage).filter(k => k.startsWith('certifytrack'))"));
        var firstToken = await AccessTokenAsync(page);

        // Every HTTP request carries the token.
        await RunAsync(page, "{ me { username } }");
        await WaitForResultAsync(session, "\"username\": \"cse.student01\"");

        // A token due for refresh is refreshed before the next request, which then works.
        await page.EvaluateFunctionAsync("key => { const s = JSON.parse(sessionStorage.getItem(key)); s.refreshAt = 0; sessionStorage.setItem(key, JSON.stringify(s)); }", SessionKey);
        await RunAsync(page, "{ me { userType } }");
        await WaitForResultAsync(session, "\"userType\": \"STUDENT\"");
        Assert.Equal(["authorization_code", "refresh_token"], tokenRequests.Select(GrantType));
        Assert.NotEqual(firstToken, await AccessTokenAsync(page));

        // A subscription carries it in connection_init: notificationReceived streams only to its owner.
        await RunAsync(page, "subscription { notificationReceived { title } }");
        var userId = await UserIdAsync(app, "cse.student01");
        await WaitForSubscriberAsync(app, provider, $"notifications.user.{userId}", session);
        await NotifyAsync(app, userId, "Welcome");
        await WaitForResultAsync(session, "\"title\": \"Welcome\"");
        await page.ClickAsync(".graphiql-execute-button"); // stops the subscription

        // Sign out: a POST to /connect/logout with the tab's id token revokes the session (access and
        // refresh token), storage is cleared, back in the IDE, and the next request is anonymous.
        var lastToken = await AccessTokenAsync(page);
        var lastRefresh = await page.EvaluateFunctionAsync<string>("key => JSON.parse(sessionStorage.getItem(key)).refreshToken", SessionKey);
        await NavigateByClickAsync(page, "#certifytrack-sign-out");
        await page.WaitForSelectorAsync("#certifytrack-sign-in");
        Assert.Equal(new Uri(baseUri, "/graphql").ToString(), page.Url);
        Assert.Null(await page.EvaluateFunctionAsync<string?>("key => sessionStorage.getItem(key)", SessionKey));
        await RunAsync(page, "{ me { username } }");
        await WaitForResultAsync(session, "UNAUTHENTICATED");
        using (var client = new HttpClient { BaseAddress = baseUri })
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/graphql"))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", lastToken);
            request.Content = new StringContent("{\"query\":\"{ me { username } }\"}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode); // a copied token does not outlive Sign out
            using var refresh = await client.PostAsync("/connect/token", new FormUrlEncodedContent(
                [new("grant_type", "refresh_token"), new("client_id", "certifytrack-web"), new("refresh_token", lastRefresh)]), Ct);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refresh.StatusCode);
        }

        // /connect/logout ended the server's sign-in session: Sign in asks for the password again.
        await NavigateByClickAsync(page, "#certifytrack-sign-in");
        Assert.NotNull(await page.WaitForSelectorAsync("#password"));
    }

    [Fact]
    public async Task A_sign_in_answer_this_tab_did_not_ask_for_is_refused_without_a_token_request()
    {
        await using var app = await StartAsync("sqlite");
        var baseUri = app.StartKestrel();
        await using var session = await OpenAsync(app, baseUri);
        var page = session.Page;
        var tokenRequests = RecordTokenRequests(page);

        // A code and state from elsewhere (a link someone was sent), after this tab started its own sign-in.
        await NavigateByClickAsync(page, "#certifytrack-sign-in");
        await page.GoToAsync(new Uri(baseUri, "/graphql?code=forged-code&state=forged-state").ToString());

        await WaitForTextAsync(session, "#certifytrack-sign-in-error", "does not match the request this tab sent");
        Assert.Equal(new Uri(baseUri, "/graphql").ToString(), page.Url);
        Assert.Empty(tokenRequests);
        Assert.NotNull(await page.QuerySelectorAsync("#certifytrack-sign-in"));
    }

    /// <summary>The host on a port chosen up front, so that <c>PublicBaseUrl</c> (and the registered redirect URI) names it.</summary>
    private static Task<TestApp> StartAsync(string provider)
    {
        var origin = $"http://127.0.0.1:{ClosedPort.Find()}";
        return TestApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["urls"] = origin,
            ["PublicBaseUrl"] = origin,
            ["Auth:BootstrapAdmin"] = "false",
            ["Email:Outbox:RunWorker"] = "false",
            ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"certifytrack-mail-{Guid.NewGuid():N}"),
        });
    }

    private static async Task SeedDemoAsync(TestApp app)
    {
        var seeding = new DemoSeeding(Password);
        foreach (var seeder in app.Services.GetServices<IDemoSeeder>())
        {
            await seeder.SeedAsync(seeding, Ct);
        }
    }

    /// <summary>The grant type of each POST to <c>/connect/token</c> the page sends, in order.</summary>
    private static ConcurrentQueue<string> RecordTokenRequests(IPage page)
    {
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, e) =>
        {
            if (e.Request.Method == HttpMethod.Post && new Uri(e.Request.Url).AbsolutePath == "/connect/token")
            {
                requests.Enqueue(e.Request.PostData?.ToString() ?? "");
            }
        };
        return requests;
    }

    private static string GrantType(string form) => System.Web.HttpUtility.ParseQueryString(form)["grant_type"] ?? "";

    private static async Task NavigateByClickAsync(IPage page, string selector)
    {
        await page.WaitForSelectorAsync(selector);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync(selector));
    }

    private static Task<string> AccessTokenAsync(IPage page) =>
        page.EvaluateFunctionAsync<string>("key => JSON.parse(sessionStorage.getItem(key)).accessToken", SessionKey);

    private static async Task<long> UserIdAsync(TestApp app, string username)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.Username == username).Select(u => u.Id).SingleAsync(Ct);
    }

    private static async Task WaitForSubscriberAsync(TestApp app, string provider, string topic, IdeSession session)
    {
        if (provider == "postgres")
        {
            // Topic messages come back through LISTEN/NOTIFY, also to this instance's own subscribers.
            await app.Services.GetRequiredService<ListenerStatus>().WaitUntilListeningAsync(1, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }

        var topics = app.Services.GetRequiredService<LocalTopics>();
        for (var i = 0; i < 600 && topics.CountSubscribers(topic) == 0; i++)
        {
            await Task.Delay(100, Ct);
        }

        if (topics.CountSubscribers(topic) != 1)
        {
            var result = await session.Page.EvaluateExpressionAsync<string>("document.querySelector('.graphiql-response')?.innerText ?? '(no result pane)'");
            var editor = await session.Page.EvaluateExpressionAsync<string>("document.querySelector('.graphiql-query-editor')?.innerText ?? ''");
            Assert.Fail($"No subscriber on {topic}.\nQuery editor: {editor}\nResult: {result}\nBrowser errors:\n{string.Join('\n', session.Problems)}");
        }
    }

    private static async Task NotifyAsync(TestApp app, long userId, string title)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        await app.Services.GetRequiredService<INotifier>().NotifyAsync(db, userId, new NotificationRequest(NotificationKinds.CertificateIssued, title, "Message body"), Ct);
        await tx.CommitAsync(Ct);
    }
}
