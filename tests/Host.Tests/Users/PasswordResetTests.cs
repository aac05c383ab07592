using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Auth;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>requestPasswordReset</c> and <c>resetPassword</c>: no enumeration, single use, attempts, expiry, lockout.</summary>
public sealed class PasswordResetTests
{
    private const string Request = "mutation($e: String!) { requestPasswordReset(input: { email: $e }) { userErrors { code } } }";
    private const string Reset = "mutation($t: String!, $p: String!) { resetPassword(input: { token: $t, newPassword: $p }) { reset userErrors { code field } } }";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Known_and_unknown_addresses_get_the_same_answer_and_only_accounts_get_mail(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await app.DeliverMailAsync();

        var known = await app.QueryAsync(Request, variables: new { e = "Asha@Example.edu" });
        var unknown = await app.QueryAsync(Request, variables: new { e = "nobody@example.edu" });
        var malformed = await app.QueryAsync(Request, variables: new { e = "not an email" });
        Assert.Equal("""{"data":{"requestPasswordReset":{"userErrors":[]}}}""", known.ToJson());
        Assert.Equal(known.ToJson(), unknown.ToJson());
        Assert.Equal(known.ToJson(), malformed.ToJson());

        await app.DeliverMailAsync();
        var resets = app.Mailbox().Where(m => m.Subject == "Reset your CertifyTrack password").ToList();
        Assert.Equal("asha@example.edu", Assert.Single(resets).To.Mailboxes.Single().Address);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reset_sets_the_password_once_and_clears_lockout(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await using (var db = await app.Users.CreateDbContextAsync())
        {
            db.LoginFailures.Add(new LoginFailure { Username = "ASHA", Source = "203.0.113.0/24", FailedAttempts = 5, LockedUntil = DateTime.UtcNow.AddMinutes(15), LastAttemptAt = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }

        await app.QueryAsync(Request, variables: new { e = "asha@example.edu" });
        var token = await app.LinkTokenAsync("asha@example.edu", "reset-password");

        var weak = await app.QueryAsync(Reset, variables: new { t = token, p = "short" });
        Assert.Equal(["WEAK_PASSWORD"], weak.UserErrorCodes("resetPassword"));
        var done = await app.QueryAsync(Reset, variables: new { t = token, p = "Brand-new#2026" });
        Assert.Equal("""{"data":{"resetPassword":{"reset":true,"userErrors":[]}}}""", done.ToJson());
        var again = await app.QueryAsync(Reset, variables: new { t = token, p = "Other-new#2026" });
        Assert.Equal(["INVALID_TOKEN"], again.UserErrorCodes("resetPassword"));

        await using (var db = await app.Users.CreateDbContextAsync())
        {
            var user = await db.Users.AsNoTracking().SingleAsync(ct);
            Assert.True(await PasswordHashing.VerifyAsync(user, "Brand-new#2026", ct));
            Assert.Empty(await db.LoginFailures.ToListAsync(ct));
            Assert.Contains("user.password_reset", await db.AuditLog.Select(a => a.Action).ToListAsync(ct));
        }

        await app.DeliverMailAsync();
        Assert.Contains(app.Mailbox(), m => m.Subject == "Your CertifyTrack password was changed");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_password_change_burns_the_reset_links_emailed_before_it(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await app.QueryAsync(Request, variables: new { e = "asha@example.edu" });
        var token = await app.LinkTokenAsync("asha@example.edu", "reset-password");
        long id;
        await using (var db = await app.Users.CreateDbContextAsync())
        {
            id = await db.Users.Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var changed = await app.QueryAsync(
            "mutation { changePassword(input: { currentPassword: \"Secret#2026\", newPassword: \"Brand-new#2026\" }) { changed } }",
            TestAuthenticationHandler.Token($"{id}", "student"));
        Assert.Equal("""{"data":{"changePassword":{"changed":true}}}""", changed.ToJson());

        // Someone who read the mailbox before the change must not keep a way in.
        var late = await app.QueryAsync(Reset, variables: new { t = token, p = "Stolen-pass#2026" });
        Assert.Equal(["INVALID_TOKEN"], late.UserErrorCodes("resetPassword"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Five_wrong_guesses_burn_the_token_and_it_expires_after_30_minutes(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await app.QueryAsync(Request, variables: new { e = "asha@example.edu" });
        var token = await app.LinkTokenAsync("asha@example.edu", "reset-password");

        var wrong = token[..16] + new string('A', token.Length - 16);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(["INVALID_TOKEN"], (await app.QueryAsync(Reset, variables: new { t = wrong, p = "Brand-new#2026" })).UserErrorCodes("resetPassword"));
        }

        Assert.Equal(["INVALID_TOKEN"], (await app.QueryAsync(Reset, variables: new { t = token, p = "Brand-new#2026" })).UserErrorCodes("resetPassword"));

        app.Users.Time.Advance(TimeSpan.FromMinutes(5));
        await app.QueryAsync(Request, variables: new { e = "asha@example.edu" });
        var fresh = await app.LinkTokenAsync("asha@example.edu", "reset-password");
        app.Users.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(["INVALID_TOKEN"], (await app.QueryAsync(Reset, variables: new { t = fresh, p = "Brand-new#2026" })).UserErrorCodes("resetPassword"));

        app.Users.Time.Advance(TimeSpan.FromMinutes(1));
        await app.QueryAsync(Request, variables: new { e = "asha@example.edu" });
        var last = await app.LinkTokenAsync("asha@example.edu", "reset-password");
        app.Users.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty((await app.QueryAsync(Reset, variables: new { t = last, p = "Brand-new#2026" })).UserErrorCodes("resetPassword"));
    }
}
