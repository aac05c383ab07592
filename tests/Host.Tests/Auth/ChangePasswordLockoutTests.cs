using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// <c>changePassword</c> is no password oracle for a stolen access token: a wrong current password
/// counts toward the same lockout as a sign-in from that network, and while it is locked the
/// mutation answers <c>ACCOUNT_LOCKED</c> without checking the password, also under concurrency.
/// </summary>
public sealed class ChangePasswordLockoutTests
{
    private const string Change = """
        mutation($current: String!) {
          changePassword(input: { currentPassword: $current, newPassword: "Brand-new#2026" }) { changed userErrors { code field } }
        }
        """;

    private static readonly Dictionary<string, string?> ManyAttempts = new() { ["Auth:AttemptsPerMinutePerUsername"] = "100" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Wrong_current_passwords_lock_and_a_locked_account_is_refused_unchecked(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider, settings: ManyAttempts);
        await app.AddUserAsync("asha");
        var token = (await app.PasswordGrantAsync("asha", TokenApp.Password)).Body["access_token"]!.GetValue<string>();
        using var checks = new PasswordChecks();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal("WRONG_PASSWORD input.currentPassword", await ChangeAsync(app, token, "guess-" + attempt, checks));
        }

        Assert.Equal("ACCOUNT_LOCKED input.currentPassword", await ChangeAsync(app, token, "guess-5", checks));
        Assert.Equal(5, checks.Count);

        // Locked: the right password is not even checked, and sign-in from this network is locked as well.
        Assert.Equal("ACCOUNT_LOCKED input.currentPassword", await ChangeAsync(app, token, TokenApp.Password, checks));
        Assert.Equal(5, checks.Count);
        Assert.Equal("account_locked", (await app.PasswordGrantAsync("asha", TokenApp.Password)).Body["error"]!.GetValue<string>());

        app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal("changed", await ChangeAsync(app, token, TokenApp.Password, checks));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_concurrent_guesses_with_one_token_check_five_passwords(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider, settings: ManyAttempts);
        await app.AddUserAsync("asha");
        var token = (await app.PasswordGrantAsync("asha", TokenApp.Password)).Body["access_token"]!.GetValue<string>();
        using var checks = new PasswordChecks();

        var answers = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => ChangeAsync(app, token, "guess-" + i, checks)));

        Assert.Equal(5, checks.Count);
        Assert.Equal(4, answers.Count(a => a == "WRONG_PASSWORD input.currentPassword"));
        Assert.Equal(16, answers.Count(a => a == "ACCOUNT_LOCKED input.currentPassword"));
    }

    /// <summary>The first user error as "CODE field.path", or "changed".</summary>
    private static async Task<string> ChangeAsync(TokenApp app, string token, string current, PasswordChecks checks)
    {
        using var request = checks.Tag(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Change, variables = new { current } }),
        });
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await app.Client.SendAsync(request, Ct);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Empty(body.ErrorCodes());
        var payload = body["data"]!["changePassword"]!;
        return payload["userErrors"]!.AsArray() is [{ } error, ..]
            ? $"{error["code"]} {string.Join('.', error["field"]!.AsArray().Select(f => f!.GetValue<string>()))}"
            : payload["changed"]!.GetValue<bool>() ? "changed" : "unchanged";
    }
}
