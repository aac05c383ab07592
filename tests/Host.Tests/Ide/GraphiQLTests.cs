using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Transport;
using static CertifyTrack.Host.Tests.Ide.IdeBrowser;

namespace CertifyTrack.Host.Tests.Ide;

/// <summary>GraphiQL in real headless Chromium against the real host on a loopback port.</summary>
public sealed class GraphiQLTests
{
    [Fact]
    public async Task Running_typename_in_the_editor_shows_Query_in_the_result_pane()
    {
        await using var app = await TestApp.StartAsync();
        await using var session = await OpenAsync(app, app.StartKestrel());

        await RunAsync(session.Page, "{ __typename }");

        await WaitForResultAsync(session, "\"__typename\": \"Query\"");
    }

    [Fact]
    public async Task A_subscription_runs_over_the_real_websocket_signed_in_with_the_Authorization_header()
    {
        var feed = new TestFeed();
        await using var app = await TestApp.StartAsync(configureServices: s => s.AddWebSocketTestModule(feed).AddTestAuthentication());
        await using var session = await OpenAsync(app, app.StartKestrel());
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
}
