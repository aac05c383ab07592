using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertifyTrack.Host.Ide;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace CertifyTrack.Host.Tests.Ide;

public sealed partial class IdePageTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_browser_GET_of_graphql_gets_the_IDE_page()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd(BrowserAccept);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>CertifyTrack GraphQL</title>", html, StringComparison.Ordinal);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_GET_of_graphql_gets_no_page()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/graphql", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_bundle_the_page_loads_the_locked_versions_from_the_CDN()
    {
        var page = new IdePage(new EmptyWebRoot());
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        using var body = new MemoryStream();
        context.Response.Body = body;

        await page.WriteAsync(context);
        var html = Encoding.UTF8.GetString(body.ToArray());
        var policy = context.Response.Headers.ContentSecurityPolicy.ToString();

        Assert.Contains("<title>CertifyTrack GraphQL</title>", html, StringComparison.Ordinal);
        foreach (var package in new[] { "graphiql", "react", "react-dom", "graphql-ws" })
        {
            Assert.Contains($"https://esm.sh/{package}@{LockedVersion(package)}", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/ide/assets/", html, StringComparison.Ordinal);
        var scripts = InlineScript().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        Assert.Equal(2, scripts.Count);
        Assert.All(scripts, script => Assert.Contains($"'sha256-{Sha256(script)}'", policy, StringComparison.Ordinal));
    }

    private static string LockedVersion(string package)
    {
        var lockPath = Path.Combine(RepoPaths.Root, "src", "Host", "ClientApp", "package-lock.json");
        using var json = JsonDocument.Parse(File.ReadAllText(lockPath));
        return json.RootElement.GetProperty("packages").GetProperty($"node_modules/{package}").GetProperty("version").GetString()!;
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class EmptyWebRoot : IWebHostEnvironment
    {
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string WebRootPath { get; set; } = "";

        public string ApplicationName { get; set; } = "CertifyTrack.Host";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = "";

        public string EnvironmentName { get; set; } = "Development";
    }

    [GeneratedRegex("""<script type="(?:importmap|module)">(?<body>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
