using System.Text.Encodings.Web;
using Microsoft.Net.Http.Headers;

namespace CertifyTrack.Host.Ide;

/// <summary>
/// Serves the GraphiQL IDE to a browser that opens <c>/graphql</c>: the vite bundle from
/// <c>wwwroot/ide</c> when it was built, else the same versions from a CDN
/// (docs/adr/0004-graphiql-ide.md).
/// </summary>
internal sealed class IdePage(IWebHostEnvironment environment)
{
    public const string Title = "CertifyTrack GraphQL";

    private readonly Lazy<IdeCdn> cdn = new(IdeCdn.Load);

    public async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bundle = IdeBundle.Find(environment.WebRootFileProvider);
        var (head, policy) = bundle is null ? CdnHead(cdn.Value) : BundleHead(bundle, context.Request.PathBase);

        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.Vary = HeaderNames.Accept;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.WriteAsync(Document(head), context.RequestAborted);
        }
    }

    private static (string Head, string Policy) BundleHead(IdeBundle bundle, PathString pathBase)
    {
        var styles = bundle.Styles.Select(style => $"""<link rel="stylesheet" href="{Attribute(pathBase + "/" + style)}">""" + "\n");
        var head = string.Concat(styles) + $"""<script type="module" src="{Attribute(pathBase + "/" + bundle.Script)}"></script>""";
        return (head, Policy(scripts: "'self'", extra: ""));
    }

    private static (string Head, string Policy) CdnHead(IdeCdn cdn)
    {
        var head = $"""
            <link rel="stylesheet" href="{Attribute(cdn.Stylesheet)}">
            <script type="importmap">{cdn.ImportMap}</script>
            <script type="module">{cdn.Module}</script>
            """;
        // esm.sh serves the modules and monaco's workers; the import map's data: URL is an empty module.
        var scripts = $"'self' {string.Join(' ', cdn.ScriptHashes)} {IdeCdn.Origin} data:";
        return (head, Policy(scripts, extra: " " + IdeCdn.Origin));
    }

    // Monaco sets inline styles; its workers and fonts come from the bundle's own folder or
    // the CDN; 'self' in connect-src covers ws(s):// to this host for subscriptions; Sign out
    // posts a form to /connect/logout, which returns to this page.
    private static string Policy(string scripts, string extra) =>
        $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'{extra}; "
        + $"font-src 'self' data:{extra}; img-src 'self' data:; worker-src 'self' blob:{extra}; "
        + $"connect-src 'self'{extra}; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

    private static string Attribute(string value) => HtmlEncoder.Default.Encode(value);

    private static string Document(string head) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Title}}</title>
        <link rel="icon" href="data:,">
        <style>
        html, body, #graphiql { height: 100%; margin: 0; }
        .certifytrack-account { display: flex; align-items: center; gap: 8px; font-size: 15px; }
        .certifytrack-error { color: hsl(var(--color-error)); }
        </style>
        {{head}}
        </head>
        <body>
        <div id="graphiql">Loading…</div>
        </body>
        </html>
        """;
}
