using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>Authorization code + PKCE through the sign-in page, as a browser would drive it.</summary>
public sealed partial class CodeFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sign_in_page_issues_a_code_that_the_verifier_exchanges_for_tokens(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("priya");
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var authorize = AuthorizeUri(Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));

        var page = await app.Client.GetAsync(authorize, TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<label for=\"password\">Password</label>", html, StringComparison.Ordinal);

        // A wrong password shows the page again with the message; the right one redirects with the code.
        var wrong = await PostFormAsync(app, html, "priya", "wrong");
        Assert.Contains("role=\"alert\">The username or password is wrong", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var signedIn = await PostFormAsync(app, html, "priya", TokenApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var code = CodeFrom(signedIn.Headers.Location!);

        // The wrong verifier is refused; the right one gets tokens.
        var (badStatus, _) = await app.TokenAsync(("grant_type", "authorization_code"), ("client_id", "certifytrack-web"), ("code", code), ("redirect_uri", TokenApp.RedirectUri), ("code_verifier", Base64Url(RandomNumberGenerator.GetBytes(32))));
        Assert.Equal(400, badStatus);

        // The browser is now signed in (cookie): a second authorization redirects at once.
        var again = await app.Client.GetAsync(authorize, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var (status, tokens) = await app.TokenAsync(("grant_type", "authorization_code"), ("client_id", "certifytrack-web"), ("code", CodeFrom(again.Headers.Location!)), ("redirect_uri", TokenApp.RedirectUri), ("code_verifier", verifier));
        Assert.Equal(200, status);
        var me = await app.QueryAsync("{ me { username } }", tokens["access_token"]!.GetValue<string>());
        Assert.Equal("""{"data":{"me":{"username":"priya"}}}""", me.ToJson());

        // After logout (confirmed on its page) the page asks for the password again.
        await LogoutTests.ConfirmLogoutAsync(app.Client, "/connect/logout");
        var afterLogout = await app.Client.GetAsync(authorize, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, afterLogout.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sign_in_page_applies_lockout_and_verification(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("locked");
        await app.AddUserAsync("fresh", verified: false);
        var html = await app.Client.GetStringAsync(AuthorizeUri(Base64Url(SHA256.HashData("x"u8.ToArray()))), TestContext.Current.CancellationToken);

        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await PostFormAsync(app, html, "locked", "wrong");
        }

        Assert.Contains("locked until", await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var right = await PostFormAsync(app, html, "locked", TokenApp.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the page again, no code
        var unverified = await PostFormAsync(app, html, "fresh", TokenApp.Password);
        Assert.Contains("verify your email", await unverified.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    internal static string AuthorizeUri(string challenge) =>
        "/connect/authorize?client_id=certifytrack-web&response_type=code&scope=openid%20offline_access"
        + $"&redirect_uri={Uri.EscapeDataString(TokenApp.RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state=abc";

    internal static async Task<HttpResponseMessage> PostFormAsync(TokenApp app, string html, string username, string password)
    {
        var fields = HiddenFields(html);
        fields.Add(new("username", username));
        fields.Add(new("password", password));
        using var form = new FormUrlEncodedContent(fields);
        return await app.Client.PostAsync("/connect/authorize", form, TestContext.Current.CancellationToken);
    }

    /// <summary>The hidden inputs of a page's form (the carried request and the antiforgery token).</summary>
    internal static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        [.. HiddenField().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];

    internal static string CodeFrom(Uri location)
    {
        Assert.StartsWith(TokenApp.RedirectUri, location.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("abc", query["state"]);
        return query["code"]!;
    }

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
