using System.Text.Json;
using CertifyTrack.Host.Ide;
using CertifyTrack.Host.Tests.Infrastructure;
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
    public async Task A_subscription_goes_over_graphql_transport_ws_with_the_Authorization_header()
    {
        await using var app = await TestApp.StartAsync();
        // The host speaks no WebSocket yet: a stand-in socket in the page records what the client sends.
        await using var session = await OpenIdeAsync(app, FakeWebSocket);
        var page = session.Page;

        await TypeIntoAsync(page, QueryEditor, "subscription { tick }");
        await page.ClickAsync("button[data-name=headers]");
        await TypeIntoAsync(page, HeadersEditor, """{"Authorization": "Bearer t0ken"}""");
        await page.ClickAsync(".graphiql-execute-button");

        await WaitForResultAsync(session, "\"tick\": 1");
        var socket = await page.EvaluateExpressionAsync<JsonElement>("window.fakeSocket");
        Assert.Equal(new UriBuilder(page.Url) { Scheme = "ws" }.Uri, new Uri(socket.GetProperty("url").GetString()!));
        Assert.Equal("graphql-transport-ws", socket.GetProperty("protocol").GetString());
        var init = socket.GetProperty("sent")[0];
        Assert.Equal("connection_init", init.GetProperty("type").GetString());
        Assert.Equal("""{"Authorization":"Bearer t0ken"}""", init.GetProperty("payload").GetRawText());
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

    /// <summary>A graphql-transport-ws server in the page: acknowledges, then sends one result.</summary>
    private const string FakeWebSocket = """
        window.WebSocket = class {
          static CONNECTING = 0; static OPEN = 1; static CLOSING = 2; static CLOSED = 3;
          constructor(url, protocol) {
            this.url = url; this.protocol = protocol; this.readyState = 0;
            window.fakeSocket = { url, protocol, sent: [] };
            setTimeout(() => { this.readyState = 1; this.onopen?.({}); });
          }
          send(data) {
            const message = JSON.parse(data);
            window.fakeSocket.sent.push(message);
            const reply = message.type === 'connection_init' ? { type: 'connection_ack' }
              : message.type === 'subscribe' ? { id: message.id, type: 'next', payload: { data: { tick: 1 } } } : null;
            if (reply) { setTimeout(() => this.onmessage?.({ data: JSON.stringify(reply) })); }
          }
          close(code, reason) { this.readyState = 3; setTimeout(() => this.onclose?.({ code, reason })); }
        };
        """;
}
