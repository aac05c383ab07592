using CertifyTrack.Host.Ide;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PuppeteerSharp;

namespace CertifyTrack.Host.Tests.Ide;

/// <summary>Drives GraphiQL in real headless Chromium against a host served on a loopback port.</summary>
internal static class IdeBrowser
{
    public const string QueryEditor = ".graphiql-query-editor .monaco-editor";
    public const string HeadersEditor = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor";

    /// <summary>Opens <c>/graphql</c> of <paramref name="baseUri"/> (an app already served by Kestrel).</summary>
    public static async Task<IdeSession> OpenAsync(TestApp app, Uri baseUri, string? beforeLoad = null)
    {
        ArgumentNullException.ThrowIfNull(app);
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
    public static async Task TypeIntoAsync(IPage page, string editorSelector, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
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

    /// <summary>Types <paramref name="query"/> into the query editor and runs it.</summary>
    public static async Task RunAsync(IPage page, string query)
    {
        await TypeIntoAsync(page, QueryEditor, query);
        await page.ClickAsync(".graphiql-execute-button");
    }

    public static Task WaitForResultAsync(IdeSession session, string expected) =>
        WaitForTextAsync(session, ".graphiql-response", expected);

    /// <summary>Waits until the element's text (non-breaking spaces as spaces) contains <paramref name="expected"/>.</summary>
    public static async Task WaitForTextAsync(IdeSession session, string selector, string expected)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = session.Page;
        try
        {
            await page.WaitForFunctionAsync(
                "(selector, expected) => (document.querySelector(selector)?.innerText ?? '').replaceAll('\\u00a0', ' ').includes(expected)",
                selector, expected);
        }
        catch (WaitTaskTimeoutException)
        {
            var text = await page.EvaluateFunctionAsync<string>("selector => document.querySelector(selector)?.innerText ?? '(none)'", selector);
            Assert.Fail($"{selector} does not show {expected}.\nIt shows: {text}\nPage: {page.Url}\nBrowser errors:\n{string.Join('\n', session.Problems)}");
        }
    }
}

/// <summary>A browser with one page on the IDE, and the errors the page reported.</summary>
internal sealed class IdeSession(HeadlessBrowser chromium, IPage page) : IAsyncDisposable
{
    public IPage Page => page;

    public List<string> Problems { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await page.DisposeAsync();
        await chromium.DisposeAsync();
    }
}
