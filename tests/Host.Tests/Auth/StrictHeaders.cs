namespace CertifyTrack.Host.Tests.Auth;

/// <summary>What the host's own secret-handling pages (sign-in, logout, emailed links) are sent with.</summary>
internal static class StrictHeaders
{
    /// <summary>No cache, no frames, no referrer, no script; forms post to this host and return to the client.</summary>
    public static void AssertOn(HttpResponseMessage response, string formAction)
    {
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.Contains(formAction, policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
    }
}
