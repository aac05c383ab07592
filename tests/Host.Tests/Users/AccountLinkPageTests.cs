using System.Net;
using System.Text.RegularExpressions;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// The pages the emailed links open (<c>/verify-email</c>, <c>/reset-password</c>, <c>/set-password</c>)
/// through HTTP as a browser uses them: GET shows the form and changes nothing, the POSTed form
/// (with its antiforgery token and cookie) does the work.
/// </summary>
public sealed partial class AccountLinkPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_verify_email_page_confirms_only_when_its_form_is_posted(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        var token = await app.LinkTokenAsync("asha@example.edu", "verify-email");

        var page = await GetAsync(app, $"/verify-email?token={token}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>Confirm your email address</h1>", page.Html, StringComparison.Ordinal);
        Assert.Equal(["no-store", "no-referrer"], [page.Response.Headers.CacheControl!.ToString(), string.Join(",", page.Response.Headers.GetValues("Referrer-Policy"))]);
        Assert.False(await VerifiedAsync(app));                                          // GET (a mail scanner) changes nothing

        var done = await PostAsync(app, "/verify-email", page.Html);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("role=\"status\">Your email address is confirmed.", done.Html, StringComparison.Ordinal);
        Assert.True(await VerifiedAsync(app));

        var again = await PostAsync(app, "/verify-email", page.Html);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("role=\"alert\"><ul><li>This link is invalid or has expired.", again.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_reset_password_page_shows_policy_errors_and_then_sets_the_password(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await app.QueryAsync("mutation { requestPasswordReset(input: { email: \"asha@example.edu\" }) { userErrors { code } } }");
        var token = await app.LinkTokenAsync("asha@example.edu", "reset-password");

        var page = await GetAsync(app, $"/reset-password?token={token}");
        Assert.Contains("<label for=\"new-password\">New password</label>", page.Html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"new-password\"", page.Html, StringComparison.Ordinal);

        var mismatch = await PostAsync(app, "/reset-password", page.Html, ("newPassword", "Brand-new#2026"), ("confirmPassword", "Brand-new#2027"));
        Assert.Contains("<li>The two passwords are not the same.</li>", mismatch.Html, StringComparison.Ordinal);
        var weak = await PostAsync(app, "/reset-password", mismatch.Html, ("newPassword", "password"), ("confirmPassword", "password"));
        Assert.Equal(HttpStatusCode.OK, weak.Status);
        Assert.Contains("role=\"alert\"><ul><li>The password needs an upper-case letter, a digit, a symbol.</li>", weak.Html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", weak.Html, StringComparison.Ordinal);

        var done = await PostAsync(app, "/reset-password", weak.Html, ("newPassword", "Brand-new#2026"), ("confirmPassword", "Brand-new#2026"));
        Assert.Contains("Your new password is set.", done.Html, StringComparison.Ordinal);
        Assert.True(await PasswordIsAsync(app, "asha", "Brand-new#2026"));
        await app.DeliverMailAsync();
        Assert.Contains(app.Mailbox(), m => m.Subject == "Your CertifyTrack password was changed");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_set_password_page_sets_the_first_password_of_an_invited_user(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var (_, admin) = await app.Users.AdminAsync();
        var created = await app.QueryAsync(
            "mutation { createUser(input: { username: \"dean\", email: \"dean@example.edu\", firstName: \"D\", lastName: \"E\", userType: ADMIN }) { userErrors { code } } }", admin);
        Assert.Empty(created.UserErrorCodes("createUser"));
        var token = await app.LinkTokenAsync("dean@example.edu", "set-password");

        var page = await GetAsync(app, $"/set-password?token={token}");
        Assert.Contains("<h1>Choose your password</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(PasswordPolicy.Description), page.Html, StringComparison.Ordinal);

        var forged = await PostAsync(app, "/set-password", page.Html, withAntiforgery: false, ("newPassword", "Chosen#Pass2026"), ("confirmPassword", "Chosen#Pass2026"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains("The form expired.", forged.Html, StringComparison.Ordinal);
        Assert.True(await PasswordIsAsync(app, "dean", null));                              // nothing done without the antiforgery token

        var done = await PostAsync(app, "/set-password", page.Html, ("newPassword", "Chosen#Pass2026"), ("confirmPassword", "Chosen#Pass2026"));
        Assert.Contains("Your password is set.", done.Html, StringComparison.Ordinal);
        Assert.True(await PasswordIsAsync(app, "dean", "Chosen#Pass2026"));
        await using var db = await app.Users.CreateDbContextAsync();
        Assert.Contains("user.password_set", await db.AuditLog.Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_link_without_a_token_is_explained_and_the_pages_are_rate_limited_per_ip(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider, new Dictionary<string, string?> { ["Auth:RequestsPerMinutePerIp"] = "3" });

        var missing = await GetAsync(app, "/set-password");
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("This link is incomplete.", missing.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/verify-email?token=abc")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/reset-password?token=abc")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsync(app, "/reset-password?token=abc")).Status);
    }

    private static async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetAsync(AccountsApp app, string path)
    {
        var response = await app.Users.Client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response);
    }

    private static Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> PostAsync(
        AccountsApp app, string path, string html, params (string Name, string Value)[] fields) =>
        PostAsync(app, path, html, withAntiforgery: true, fields);

    /// <summary>Posts the page's form: its hidden fields (token, antiforgery) and the given ones.</summary>
    private static async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> PostAsync(
        AccountsApp app, string path, string html, bool withAntiforgery, params (string Name, string Value)[] fields)
    {
        var form = HiddenField().Matches(html)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(f => withAntiforgery || f.Key != "__RequestVerificationToken")
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))
            .ToList();
        Assert.Contains(form, f => f.Key == "token");
        using var content = new FormUrlEncodedContent(form);
        var response = await app.Users.Client.PostAsync(path, content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response);
    }

    private static async Task<bool> VerifiedAsync(AccountsApp app)
    {
        await using var db = await app.Users.CreateDbContextAsync();
        return (await db.Users.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).IsEmailVerified;
    }

    /// <summary>Whether the user's password is <paramref name="password"/> (null: still none).</summary>
    private static async Task<bool> PasswordIsAsync(AccountsApp app, string username, string? password)
    {
        await using var db = await app.Users.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Username == username, TestContext.Current.CancellationToken);
        return password is null ? user.Password == "!" : await PasswordHashing.VerifyAsync(user, password, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
