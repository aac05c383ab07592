using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Auth;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// Account events notify in the app with their security kind: <c>changePassword</c>,
/// <c>resetPassword</c> and a lockout through <c>/connect/token</c>. Each event sends exactly one
/// email: the password mails come from the account mail, the lockout mail from the notifier.
/// </summary>
public sealed class AccountNotificationTests
{
    private const string Verify = "mutation($t: String!) { verifyEmail(input: { token: $t }) { verified } }";
    private const string Notifications = "{ notifications { nodes { kind title message } } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changing_the_password_notifies_in_the_app_and_sends_one_email(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var (_, token) = await RegisterVerifiedAsync(app);
        var mailBefore = await OutboxCountAsync(app);

        var changed = await app.QueryAsync(
            "mutation { changePassword(input: { currentPassword: \"Secret#2026\", newPassword: \"Brand-new#2026\" }) { changed } }", token);
        Assert.Empty(changed.ErrorCodes());

        var notice = Assert.Single(await NoticesAsync(app, token));
        Assert.Equal((NotificationKinds.PasswordChanged, "Your password was changed"), (notice!["kind"]!.GetValue<string>(), notice["title"]!.GetValue<string>()));
        Assert.Equal(mailBefore + 1, await OutboxCountAsync(app));
        await app.DeliverMailAsync();
        Assert.Equal("Your CertifyTrack password was changed", app.Mailbox()[^1].Subject);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Resetting_the_password_notifies_in_the_app_and_sends_one_email(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var (_, token) = await RegisterVerifiedAsync(app);
        await app.QueryAsync("mutation { requestPasswordReset(input: { email: \"asha@example.edu\" }) { userErrors { code } } }");
        var link = await app.LinkTokenAsync("asha@example.edu", "reset-password");
        var mailBefore = await OutboxCountAsync(app);

        var reset = await app.QueryAsync("mutation($t: String!) { resetPassword(input: { token: $t, newPassword: \"Brand-new#2026\" }) { reset } }", variables: new { t = link });
        Assert.True(reset.Data("resetPassword")["reset"]!.GetValue<bool>());

        var notice = Assert.Single(await NoticesAsync(app, token));
        Assert.Equal(NotificationKinds.PasswordReset, notice!["kind"]!.GetValue<string>());
        Assert.Equal(mailBefore + 1, await OutboxCountAsync(app));
        await app.DeliverMailAsync();
        Assert.Equal("Your CertifyTrack password was changed", app.Mailbox()[^1].Subject);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_lockout_notifies_in_the_app_and_by_one_email_once(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Email:Outbox:RunWorker"] = "false" });
        await app.AddUserAsync("ravi");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await app.PasswordGrantAsync("ravi", "wrong");
        }

        var (_, locked) = await app.PasswordGrantAsync("ravi", TokenApp.Password);   // refused while locked: no second notice
        Assert.Equal("account_locked", locked["error"]!.GetValue<string>());
        var until = PasswordGrantTests.UnlockTime(locked);

        app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var (status, tokens) = await app.PasswordGrantAsync("ravi", TokenApp.Password);
        Assert.Equal(200, status);
        var body = await app.QueryAsync(Notifications, tokens["access_token"]!.GetValue<string>());
        var notice = Assert.Single(body.Data("notifications")["nodes"]!.AsArray());
        Assert.Equal((NotificationKinds.AccountLocked, "Your account was locked"), (notice!["kind"]!.GetValue<string>(), notice["title"]!.GetValue<string>()));
        Assert.Contains($"until {until.UtcDateTime:yyyy-MM-dd HH:mm} (UTC)", notice["message"]!.GetValue<string>(), StringComparison.Ordinal);

        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        var mail = await db.EmailOutbox.AsNoTracking().Select(e => new { e.ToAddress, e.Subject }).ToListAsync(Ct);
        Assert.Equal(("ravi@example.edu", "Your account was locked"), (Assert.Single(mail).ToAddress, mail[0].Subject));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Repeated_lockouts_notify_in_the_app_each_time_but_mail_once_per_six_hours(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Email:Outbox:RunWorker"] = "false" });
        var ravi = await app.AddUserAsync("ravi");
        async Task LockAsync()
        {
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await app.PasswordGrantAsync("ravi", "wrong");
            }

            app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        }

        await LockAsync();
        await LockAsync();   // someone hammering the account: in the app, no second email
        app.Time.Advance(TimeSpan.FromHours(6));
        await LockAsync();   // six hours on: mailed again

        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(3, await db.Notifications.CountAsync(n => n.UserId == ravi && n.Kind == NotificationKinds.AccountLocked, Ct));
        Assert.Equal(2, await db.EmailOutbox.CountAsync(e => e.Subject == "Your account was locked", Ct));
    }

    private static async Task<(long UserId, string Token)> RegisterVerifiedAsync(AccountsApp app)
    {
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        var verified = await app.QueryAsync(Verify, variables: new { t = await app.LinkTokenAsync("asha@example.edu", "verify-email") });
        Assert.True(verified.Data("verifyEmail")["verified"]!.GetValue<bool>());
        await using var db = await app.Users.CreateDbContextAsync();
        var id = await db.Users.Select(u => u.Id).SingleAsync(Ct);
        return (id, TestAuthenticationHandler.Token($"{id}", "student"));
    }

    private static async Task<JsonArray> NoticesAsync(AccountsApp app, string token)
    {
        var body = await app.QueryAsync(Notifications, token);
        Assert.Empty(body.ErrorCodes());
        return body.Data("notifications")["nodes"]!.AsArray();
    }

    private static async Task<int> OutboxCountAsync(AccountsApp app)
    {
        await using var db = await app.Users.CreateDbContextAsync();
        return await db.EmailOutbox.CountAsync(Ct);
    }
}
