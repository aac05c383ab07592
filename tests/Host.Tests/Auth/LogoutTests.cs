using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// <c>/connect/logout</c>: a GET (a link, an image on another site) or an unconfirmed POST only asks;
/// the confirmed form or a client's valid <c>id_token_hint</c> signs out, and signing out revokes the
/// session's access and refresh tokens, not just the sign-in cookie.
/// </summary>
public sealed class LogoutTests
{
    private const string ClientReturn = "https://client.example/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_GET_or_an_unconfirmed_POST_only_asks_and_signs_nobody_out(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("priya");
        var tokens = await SignInOnThePageAsync(app, "priya");

        using var get = await app.Client.GetAsync($"/connect/logout?client_id=certifytrack-web&post_logout_redirect_uri={Uri.EscapeDataString(ClientReturn)}", Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("<button type=\"submit\">Sign out</button>", await get.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        StrictHeaders.AssertOn(get, formAction: "form-action 'self' https://client.example;");

        // What another site's auto-submitted form sends: no antiforgery token, no id token.
        using var forged = new FormUrlEncodedContent([new("client_id", "certifytrack-web")]);
        using var post = await app.Client.PostAsync("/connect/logout", forged, Ct);
        Assert.Contains("Sign out of CertifyTrack?", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var again = await app.Client.GetAsync(CodeFlowTests.AuthorizeUri(Challenge()), Ct);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);   // still signed in
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(tokens["access_token"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_confirmed_logout_ends_the_browser_sign_in_and_revokes_the_sessions_it_started(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("priya");
        var firstTab = await SignInOnThePageAsync(app, "priya");
        var secondTab = await SignInOnThePageAsync(app, "priya");   // the cookie signs it in without a password
        var otherDevice = (await app.PasswordGrantAsync("priya", TokenApp.Password)).Body;

        using var done = await ConfirmLogoutAsync(app.Client, "/connect/logout");

        Assert.Contains("You are signed out", await done.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(firstTab["access_token"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(secondTab["access_token"]!.GetValue<string>()));
        Assert.Equal("invalid_grant", (await RefreshAsync(app, firstTab)).Body["error"]!.GetValue<string>());
        using var authorize = await app.Client.GetAsync(CodeFlowTests.AuthorizeUri(Challenge()), Ct);
        Assert.Equal(HttpStatusCode.OK, authorize.StatusCode);   // the sign-in form: the cookie is gone
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(otherDevice["access_token"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_logout_with_the_clients_id_token_hint_revokes_that_session_and_returns_to_the_client(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("priya");
        var session = (await app.PasswordGrantAsync("priya", TokenApp.Password)).Body;
        var otherDevice = (await app.PasswordGrantAsync("priya", TokenApp.Password)).Body;

        using var forgedHint = await LogoutAsync(app, "not-a-token");
        Assert.Equal(HttpStatusCode.OK, forgedHint.StatusCode);   // asks instead
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(session["access_token"]!.GetValue<string>()));

        using var response = await LogoutAsync(app, session["id_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ClientReturn + "?state=xyz", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(session["access_token"]!.GetValue<string>()));
        Assert.Equal("invalid_grant", (await RefreshAsync(app, session)).Body["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(otherDevice["access_token"]!.GetValue<string>()));
        Assert.Equal(200, (await RefreshAsync(app, otherDevice)).Status);
    }

    /// <summary>Opens <paramref name="url"/> (the confirmation page) and posts its form, as a user clicking Sign out.</summary>
    internal static async Task<HttpResponseMessage> ConfirmLogoutAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(url, Ct);
        using var form = new FormUrlEncodedContent(CodeFlowTests.HiddenFields(page));
        return await client.PostAsync("/connect/logout", form, Ct);
    }

    private static async Task<HttpResponseMessage> LogoutAsync(TokenApp app, string idTokenHint)
    {
        using var form = new FormUrlEncodedContent([
            new("id_token_hint", idTokenHint), new("client_id", "certifytrack-web"),
            new("post_logout_redirect_uri", ClientReturn), new("state", "xyz"),
        ]);
        return await app.Client.PostAsync("/connect/logout", form, Ct);
    }

    /// <summary>The code flow through the sign-in page (or the browser's cookie), exchanged for tokens.</summary>
    private static async Task<JsonObject> SignInOnThePageAsync(TokenApp app, string username)
    {
        var verifier = CodeFlowTests.Base64Url(RandomNumberGenerator.GetBytes(32));
        var authorize = CodeFlowTests.AuthorizeUri(CodeFlowTests.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        using var page = await app.Client.GetAsync(authorize, Ct);
        using var signedIn = page.StatusCode == HttpStatusCode.Redirect
            ? null
            : await CodeFlowTests.PostFormAsync(app, await page.Content.ReadAsStringAsync(Ct), username, TokenApp.Password);
        var code = CodeFlowTests.CodeFrom((signedIn ?? page).Headers.Location!);
        var (status, tokens) = await app.TokenAsync(("grant_type", "authorization_code"), ("client_id", "certifytrack-web"), ("code", code),
            ("redirect_uri", TokenApp.RedirectUri), ("code_verifier", verifier));
        Assert.Equal(200, status);
        return tokens;
    }

    private static string Challenge() => CodeFlowTests.Base64Url(SHA256.HashData(RandomNumberGenerator.GetBytes(32)));

    private static Task<(int Status, JsonObject Body)> RefreshAsync(TokenApp app, JsonObject tokens) =>
        app.TokenAsync(("grant_type", "refresh_token"), ("client_id", "certifytrack-web"), ("refresh_token", tokens["refresh_token"]!.GetValue<string>()));
}
