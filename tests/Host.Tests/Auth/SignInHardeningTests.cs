using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// PKCE with S256 only; an issuer and discovery document that name <c>PublicBaseUrl</c> whatever the
/// <c>Host</c> header says; the sign-in page never cached, framed, scripted or sent as a referrer.
/// </summary>
public sealed class SignInHardeningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_plain_or_missing_code_challenge_method_is_refused(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        var challenge = CodeFlowTests.Base64Url(RandomNumberGenerator.GetBytes(32));
        var s256 = CodeFlowTests.AuthorizeUri(challenge);

        foreach (var authorize in new[] { s256.Replace("=S256", "=plain", StringComparison.Ordinal), s256.Replace("&code_challenge_method=S256", "", StringComparison.Ordinal) })
        {
            using var response = await app.Client.GetAsync(authorize, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);   // an error, no sign-in form
            Assert.Contains("invalid_request", body, StringComparison.Ordinal);
            Assert.Contains("code_challenge_method", body, StringComparison.Ordinal);
        }

        var discovery = await app.Client.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration", Ct);
        Assert.Equal(["S256"], discovery!["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_issuer_and_the_discovery_document_ignore_the_Host_header(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("priya");
        var issuer = TokenApp.PublicBaseUrl + "/";

        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "attacker.example";
        using var response = await app.Client.SendAsync(request, Ct);
        var discovery = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

        Assert.Equal(issuer, discovery["issuer"]!.GetValue<string>());
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "end_session_endpoint", "revocation_endpoint", "jwks_uri" })
        {
            Assert.StartsWith(issuer, discovery[endpoint]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using var grant = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "password"), new("client_id", "certifytrack-web"), new("username", "priya"), new("password", TokenApp.Password), new("scope", "openid")]),
        };
        grant.Headers.Host = "attacker.example";
        using var tokens = await app.Client.SendAsync(grant, Ct);
        var idToken = (await tokens.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id_token"]!.GetValue<string>();
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlDecode(idToken.Split('.')[1])))!;
        Assert.Equal(issuer, payload["iss"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sign_in_page_is_sent_with_strict_headers(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("priya");
        var authorize = CodeFlowTests.AuthorizeUri(CodeFlowTests.Base64Url(SHA256.HashData("x"u8.ToArray())));

        using var page = await app.Client.GetAsync(authorize, Ct);
        StrictHeaders.AssertOn(page, formAction: "form-action 'self' https://client.example;");
        using var refused = await CodeFlowTests.PostFormAsync(app, await page.Content.ReadAsStringAsync(Ct), "priya", "wrong");
        StrictHeaders.AssertOn(refused, formAction: "form-action 'self' https://client.example;");
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
