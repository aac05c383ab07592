using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// The lockout through <c>/connect/token</c> and the sign-in page: counted per (account, network) by
/// one atomic statement before any password is checked, so that concurrent guesses cannot outrun it;
/// a stranger locks only their own network; an unknown username answers exactly like a known one.
/// </summary>
public sealed partial class LockoutTests
{
    private static readonly Dictionary<string, string?> ManyAttempts = new() { ["Auth:AttemptsPerMinutePerUsername"] = "100" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_concurrent_wrong_passwords_lock_the_account_after_checking_exactly_five(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider, settings: ManyAttempts);
        await app.AddUserAsync("ravi");
        using var checks = new PasswordChecks();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => GrantAsync(app.Client, "ravi", "wrong", checks: checks)));

        // Each attempt is numbered by the database before its password is checked: 1-4 are wrong
        // passwords, the 5th locks, the other 15 meet the lock and are never checked.
        Assert.Equal(5, checks.Count);
        Assert.Equal(4, answers.Count(a => a.Error == "invalid_grant"));
        Assert.Equal(16, answers.Count(a => a.Error == "account_locked"));
        var (_, right) = await GrantAsync(app.Client, "ravi", TokenApp.Password, checks: checks);
        Assert.Equal("account_locked", right);
        Assert.Equal(5, checks.Count);
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "user.locked", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stranger_locks_admin_only_from_their_own_network_and_the_owner_still_signs_in(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider, kestrel: true, settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Auth:AttemptsPerMinutePerUsername"] = "100",
        });
        using var http = new HttpClient { BaseAddress = app.BaseUri };

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await GrantAsync(http, "admin", "guess-" + attempt, from: "203.0.113.7");
        }

        // The attacker's network is locked: its other addresses too, even with the right password.
        Assert.Equal("account_locked", (await GrantAsync(http, "admin", TokenApp.AdminPassword, from: "203.0.113.7")).Error);
        Assert.Equal("account_locked", (await GrantAsync(http, "admin", TokenApp.AdminPassword, from: "203.0.113.200")).Error);

        // The owner, elsewhere, signs in and refreshes as usual.
        var (owner, _) = await GrantAsync(http, "admin", TokenApp.AdminPassword, from: "198.51.100.9");
        var refreshed = await PostFormAsync(http, "198.51.100.9", ("grant_type", "refresh_token"), ("client_id", "certifytrack-web"), ("refresh_token", owner!["refresh_token"]!.GetValue<string>()));
        Assert.NotNull(refreshed["access_token"]);

        // IPv6 counts by /64: the attacker's /64 is locked, the next one is not.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await GrantAsync(http, "admin", "guess-" + attempt, from: "2001:db8:1:2::1");
        }

        Assert.Equal("account_locked", (await GrantAsync(http, "admin", TokenApp.AdminPassword, from: "2001:db8:1:2:ffff::9")).Error);
        Assert.Null((await GrantAsync(http, "admin", TokenApp.AdminPassword, from: "2001:db8:1:3::1")).Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_username_answers_exactly_like_a_known_one_also_once_locked(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider, settings: ManyAttempts);
        await app.AddUserAsync("known");
        var page = await app.Client.GetStringAsync(CodeFlowTests.AuthorizeUri(CodeFlowTests.Base64Url(SHA256.HashData("x"u8.ToArray()))), Ct);

        // Each name's count goes 1..6 alike, through the token endpoint and the sign-in page in turn.
        for (var round = 1; round <= 3; round++)
        {
            var known = await app.PasswordGrantAsync("known", "wrong");
            var unknown = await app.PasswordGrantAsync("nobody", "wrong");
            Assert.Equal(known.Status, unknown.Status);
            Assert.Equal(known.Body.ToJson(), unknown.Body.ToJson());

            var knownPage = await CodeFlowTests.PostFormAsync(app, page, "known", "wrong");
            var unknownPage = await CodeFlowTests.PostFormAsync(app, page, "nobody", "wrong");
            Assert.Equal(knownPage.StatusCode, unknownPage.StatusCode);
            Assert.Equal(Alert(await knownPage.Content.ReadAsStringAsync(Ct)), Alert(await unknownPage.Content.ReadAsStringAsync(Ct)));
        }

        Assert.Equal("account_locked", (await app.PasswordGrantAsync("nobody", "wrong")).Body["error"]!.GetValue<string>());
    }

    internal static async Task<(JsonObject? Tokens, string? Error)> GrantAsync(
        HttpClient http, string username, string password, string? from = null, PasswordChecks? checks = null)
    {
        var body = await PostFormAsync(http, from, checks,
            ("grant_type", "password"), ("client_id", "certifytrack-web"), ("username", username), ("password", password), ("scope", "openid offline_access"));
        return body["error"] is { } error ? (null, error.GetValue<string>()) : (body, null);
    }

    private static Task<JsonObject> PostFormAsync(HttpClient http, string? from, params (string Key, string Value)[] form) =>
        PostFormAsync(http, from, null, form);

    private static async Task<JsonObject> PostFormAsync(HttpClient http, string? from, PasswordChecks? checks, params (string Key, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))),
        };
        if (from is not null)
        {
            request.Headers.Add("X-Forwarded-For", from);
        }

        checks?.Tag(request);
        using var response = await http.SendAsync(request, Ct);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private static string Alert(string html) => AlertText().Match(html).Groups[1].Value;

    [GeneratedRegex("<p id=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex AlertText();
}
