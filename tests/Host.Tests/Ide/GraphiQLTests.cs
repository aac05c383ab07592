using CertifyTrack.Host.Ide;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Transport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PuppeteerSharp;

namespace CertifyTrack.Host.Tests.Ide;

/// <summary>GraphiQL in real headless Chromium against the real host on a loopback port.</summary>
public sealed class GraphiQLTests
{
    private const string QueryEditor = ".graphiql-query-editor .monaco-editor";
    private const string HeadersEditor = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor";

    [Fact]
    public async Task Running_typename_in_the_editor_shows_Query_in_the_result_pane()
    {
        await using var app = await TestApp.StartAsync();
        await using var session = await OpenIdeAsync(app);
        var page = session.Page;

        await TypeIntoAsync(page, QueryEditor, "{ __typename }");
        await page.ClickAsync(".graphiql-execute-button");

        await WaitForResultAsync(session, "\"__typename\": \"Query\"");
    }

    [Fact]
    public async Task A_subscription_runs_over_the_real_websocket_signed_in_with_the_Authorization_header()
    {
        var feed = new TestFeed();
        await using var app = await TestApp.StartAsync(configureServices: s => s.AddWebSocketTestModule(feed).AddTestAuthentication());
        await using var session = await OpenIdeAsync(app);
        var page = session.Page;

        // wsStudentFeed is for students only: it streams only when the token reached connection_init.
        await TypeIntoAsync(page, QueryEditor, "subscription { wsStudentFeed }");
        await page.ClickAsync("button[data-name=headers]");
        await TypeIntoAsync(page, HeadersEditor, $$"""{"Authorization": "Bearer {{TestAuthenticationHandler.Token("7", "student")}}"}""");
        await page.ClickAsync(".graphiql-execute-button");
        await feed.WaitForObserversAsync(1).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        feed.Push("live");

        await WaitForResultAsync(session, "\"wsStudentFeed\": \"live\"");
    }

    private static async Task<IdeSession> OpenIdeAsync(TestApp app, string? beforeLoad = null)
    {
        var baseUri = app.StartKestrel();
        var webRoot = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        // Offline only the bundle can load: the CDN page needs the internet.
        Chromium.Require(IdeBundle.Find(webRoot) is null,
            "No GraphiQL bundle in src/Host/wwwroot/ide: node was missing at build time (run `npm ci` in src/Host/ClientApp, then build).");

        var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        page.DefaultTimeout = 60_000; // Monaco loads several MB; CI runs tests side by side on 2 cores.
        var session = new IdeSession(chromium, page);
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) { session.Problems.Add(e.Message.Text); } };
        page.PageError += (_, e) => session.Problems.Add(e.Message);
        if (beforeLoad is not null)
        {
            await page.EvaluateExpressionOnNewDocumentAsync(beforeLoad);
        }

        await page.GoToAsync(new Uri(baseUri, "/graphql").ToString());
        Assert.Equal(IdePage.Title, await page.GetTitleAsync());
        return session;
    }

    /// <summary>Replaces a Monaco editor's text by typing, as a person would.</summary>
    private static async Task TypeIntoAsync(IPage page, string editorSelector, string text)
    {
        // Click the editor's own box: its text lines may reach beyond it, under the result pane.
        var editor = await page.WaitForSelectorAsync(editorSelector);
        await editor.ClickAsync();
        await page.Keyboard.DownAsync("Control");
        await page.Keyboard.PressAsync("a");
        await page.Keyboard.UpAsync("Control");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Escape");
    }

    private static async Task WaitForResultAsync(IdeSession session, string expected)
    {
        var page = session.Page;
        try
        {
            await page.WaitForFunctionAsync(
                "expected => (document.querySelector('.graphiql-response')?.innerText ?? '').replaceAll('\\u00a0', ' ').includes(expected)",
                expected);
        }
        catch (WaitTaskTimeoutException)
        {
            var result = await page.EvaluateExpressionAsync<string>("document.querySelector('.graphiql-response')?.innerText ?? '(no result pane)'");
            Assert.Fail($"The result pane does not show {expected}.\nResult: {result}\nBrowser errors:\n{string.Join('\n', session.Problems)}");
        }
    }

    private sealed class IdeSession(HeadlessBrowser chromium, IPage page) : IAsyncDisposable
    {
        public IPage Page => page;

        public List<string> Problems { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await page.DisposeAsync();
            await chromium.DisposeAsync();
        }
    }
}
