using Microsoft.AspNetCore.Http;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// The headers of the host's own small HTML pages that handle secrets (the sign-in form, the logout
/// confirmation, the pages of emailed links): never cached, framed or sent as a referrer (their
/// URLs hold tokens and codes), no script at all, and forms that post only to this host. Browsers
/// apply <c>form-action</c> to the redirect that follows a post too, so the client URI the page
/// sends the browser back to (already checked against the client's registration) is allowed as well.
/// </summary>
internal static class StrictPageHeaders
{
    public static void Apply(HttpResponse response, string? returnUri = null)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; "
            + $"form-action 'self'{SourceOf(returnUri)}; frame-ancestors 'none'; base-uri 'none'";
    }

    /// <summary>The CSP source of a return URI: its origin, or its scheme for an app's custom scheme.</summary>
    private static string SourceOf(string? uri) =>
        !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? ""
        : parsed.Scheme is "http" or "https" ? " " + parsed.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)
        : " " + parsed.Scheme + ":";
}
