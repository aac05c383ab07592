using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// A password reset, a password change and a disabled account end the user's sessions: access
/// tokens get 401 on <c>/graphql</c>, refresh tokens are refused at <c>/connect/token</c>, and the
/// sign-in cookie of <c>/connect/authorize</c> no longer yields a code. Other users keep theirs.
/// </summary>
public sealed class RevocationTests
{
    private const string RequestReset = "mutation($e: String!) { requestPasswordReset(input: { email: $e }) { userErrors { code } } }";
    private const string Reset = "mutation($t: String!, $p: String!) { resetPassword(input: { token: $t, newPassword: $p }) { reset userErrors { code } } }";
    private const string NewPassword = "Brand-new#2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_password_reset_revokes_every_token_and_the_sign_in_cookie(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha");
        await app.AddUserAsync("bela");
        var (browser, authorize) = await SignInThroughThePageAsync(app, "asha");
        var phone = await SignInAsync(app, "asha");
        var bela = await SignInAsync(app, "bela");
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(phone.Access));

        await ResetPasswordAsync(app, "asha@example.edu");

        foreach (var session in new[] { browser, phone })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(session.Access));
            Assert.Equal((400, "invalid_grant"), await RefreshAsync(app, session.Refresh));
        }

        var again = await app.Client.GetAsync(authorize, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the sign-in form, no code
        Assert.Equal(0, await ValidTokensAsync(app, asha));

        // Bela is untouched; Asha signs in again with the new password only.
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(bela.Access));
        Assert.Equal((200, null), await RefreshAsync(app, bela.Refresh));
        Assert.Equal(400, (await app.PasswordGrantAsync("asha", TokenApp.Password)).Status);
        var fresh = await SignInAsync(app, "asha", NewPassword);
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(fresh.Access));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_password_change_signs_out_the_other_sessions_and_keeps_the_callers(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("asha");
        var laptop = await SignInAsync(app, "asha");
        var phone = await SignInAsync(app, "asha");
        var (_, tablet) = await app.TokenAsync(("grant_type", "password"), ("client_id", "certifytrack-web"), ("username", "asha"), ("password", TokenApp.Password), ("scope", "openid"));
        var tabletAccess = tablet["access_token"]!.GetValue<string>(); // no refresh token: a session without an authorization

        var changed = await app.QueryAsync(
            $$"""mutation { changePassword(input: { currentPassword: "{{TokenApp.Password}}", newPassword: "{{NewPassword}}" }) { changed userErrors { code } } }""",
            laptop.Access);

        Assert.Equal("""{"data":{"changePassword":{"changed":true,"userErrors":[]}}}""", changed.ToJson());
        Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(phone.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(tabletAccess));
        Assert.Equal((400, "invalid_grant"), await RefreshAsync(app, phone.Refresh));
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(laptop.Access));
        var (status, refreshed) = await app.TokenAsync(("grant_type", "refresh_token"), ("client_id", "certifytrack-web"), ("refresh_token", laptop.Refresh));
        Assert.Equal(200, status);
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(refreshed["access_token"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Disabling_an_account_revokes_its_tokens_and_its_sign_in_cookie_for_good(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        var asha = await app.AddUserAsync("asha");
        var admin = await SignInAsync(app, "admin", TokenApp.AdminPassword);
        var (browser, authorize) = await SignInThroughThePageAsync(app, "asha");
        var phone = await SignInAsync(app, "asha");

        Assert.Empty((await SetActiveAsync(app, admin.Access, asha, active: false)).ErrorCodes());

        Assert.Equal(0, await ValidTokensAsync(app, asha));
        foreach (var session in new[] { browser, phone })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(session.Access));
            Assert.Equal((400, "invalid_grant"), await RefreshAsync(app, session.Refresh));
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(authorize, Ct)).StatusCode); // the form, no code
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(admin.Access));

        // Enabled again, the old sessions stay revoked: Asha signs in anew.
        Assert.Empty((await SetActiveAsync(app, admin.Access, asha, active: true)).ErrorCodes());
        Assert.Equal((400, "invalid_grant"), await RefreshAsync(app, phone.Refresh));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(browser.Access));
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(authorize, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync((await SignInAsync(app, "asha")).Access));
    }

    internal sealed record Session(string Access, string Refresh);

    internal static async Task<Session> SignInAsync(TokenApp app, string username, string password = TokenApp.Password)
    {
        var (status, body) = await app.PasswordGrantAsync(username, password);
        Assert.True(status == 200, body.ToJson());
        return new Session(body["access_token"]!.GetValue<string>(), body["refresh_token"]!.GetValue<string>());
    }

    /// <summary>Requests a reset over <c>/graphql</c>, follows the mailed link's token and sets <see cref="NewPassword"/>.</summary>
    internal static async Task ResetPasswordAsync(TokenApp app, string email)
    {
        var (_, requested) = await app.Client.PostGraphQLAsync(RequestReset, new { e = email }, accept: "application/json");
        Assert.Equal("""{"data":{"requestPasswordReset":{"userErrors":[]}}}""", requested.ToJson());
        var token = await app.LinkTokenAsync(email, "reset-password");
        var (_, reset) = await app.Client.PostGraphQLAsync(Reset, new { t = token, p = NewPassword }, accept: "application/json");
        Assert.Equal("""{"data":{"resetPassword":{"reset":true,"userErrors":[]}}}""", reset.ToJson());
    }

    /// <summary>Signs in on the sign-in page (the browser keeps the cookie) and exchanges the code with PKCE.</summary>
    private static async Task<(Session Session, string AuthorizeUri)> SignInThroughThePageAsync(TokenApp app, string username)
    {
        var verifier = CodeFlowTests.Base64Url(RandomNumberGenerator.GetBytes(32));
        var authorize = CodeFlowTests.AuthorizeUri(CodeFlowTests.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        var html = await app.Client.GetStringAsync(authorize, Ct);
        var signedIn = await CodeFlowTests.PostFormAsync(app, html, username, TokenApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var (status, tokens) = await app.TokenAsync(
            ("grant_type", "authorization_code"), ("client_id", "certifytrack-web"), ("code", CodeFlowTests.CodeFrom(signedIn.Headers.Location!)),
            ("redirect_uri", TokenApp.RedirectUri), ("code_verifier", verifier));
        Assert.Equal(200, status);
        var again = await app.Client.GetAsync(authorize, Ct);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode); // the cookie alone yields a code
        return (new Session(tokens["access_token"]!.GetValue<string>(), tokens["refresh_token"]!.GetValue<string>()), authorize);
    }

    private static async Task<(int Status, string? Error)> RefreshAsync(TokenApp app, string refreshToken)
    {
        var (status, body) = await app.TokenAsync(("grant_type", "refresh_token"), ("client_id", "certifytrack-web"), ("refresh_token", refreshToken));
        return (status, body["error"]?.GetValue<string>());
    }

    private static async Task<JsonObject> SetActiveAsync(TokenApp app, string adminToken, long userId, bool active) =>
        await app.QueryAsync(
            $$"""mutation { setUserActive(input: { userId: "{{GlobalId.Encode("User", userId)}}", isActive: {{(active ? "true" : "false")}} }) { userErrors { code } } }""",
            adminToken);

    private static async Task<int> ValidTokensAsync(TokenApp app, long userId)
    {
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        var subject = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.Subject == subject && t.Status == "valid", Ct)
            + await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().CountAsync(a => a.Subject == subject && a.Status == "valid", Ct);
    }
}
