using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Email;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// Side effects throttled per subject (docs/email-and-accounts.md): every email to one address passes a
/// per-kind throttle held in the database (5 an hour by default), concurrent requests included; asking
/// again for a link never spoils the one already sent; and <c>requestPasswordReset</c> does the same work
/// on the request path whether or not the address has an account.
/// </summary>
public sealed class EmailThrottleTests
{
    private const string RequestReset = "mutation($e: String!) { requestPasswordReset(input: { email: $e }) { userErrors { code } } }";
    private const string Reset = "mutation($t: String!, $p: String!) { resetPassword(input: { token: $t, newPassword: $p }) { reset userErrors { code } } }";
    private const string ResetSubject = "Reset your CertifyTrack password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Asking_again_for_a_reset_keeps_the_link_already_sent_working(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await app.QueryAsync(RequestReset, variables: new { e = "asha@example.edu" });
        var first = await app.LinkTokenAsync("asha@example.edu", "reset-password");

        await app.QueryAsync(RequestReset, variables: new { e = "asha@example.edu" });   // someone asks again
        var second = await app.LinkTokenAsync("asha@example.edu", "reset-password");

        Assert.NotEqual(first, second);
        Assert.Equal("""{"data":{"resetPassword":{"reset":true,"userErrors":[]}}}""",
            (await app.QueryAsync(Reset, variables: new { t = first, p = "Brand-new#2026" })).ToJson());
        // A password once set burns every other reset link.
        Assert.Equal(["INVALID_TOKEN"], (await app.QueryAsync(Reset, variables: new { t = second, p = "Other-new#2026" })).UserErrorCodes("resetPassword"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reset_mail_to_one_address_stops_at_the_throttle_until_the_window_ends(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal("""{"data":{"requestPasswordReset":{"userErrors":[]}}}""",
                (await app.QueryAsync(RequestReset, variables: new { e = i % 2 == 0 ? "asha@example.edu" : "ASHA@Example.edu " })).ToJson());
        }

        await app.DeliverMailAsync();
        Assert.Equal(5, ResetMails(app));
        await using (var db = await app.Users.CreateDbContextAsync())
        {
            Assert.Equal(5, await db.AccountTokens.CountAsync(t => t.Purpose == CertifyTrack.Modules.Users.Accounts.TokenPurpose.PasswordReset, Ct)); // no token without its mail
            Assert.Equal(5, await db.AuditLog.CountAsync(a => a.Action == "user.password_reset_requested", Ct));
        }

        // Other kinds of mail to the address have their own count: the verification link still goes.
        app.Users.Time.Advance(TimeSpan.FromMinutes(2));
        await app.QueryAsync("mutation { resendVerification(input: { email: \"asha@example.edu\" }) { userErrors { code } } }");
        await app.DeliverMailAsync();
        Assert.Equal(2, app.Mailbox().Count(m => m.Subject == "Confirm your CertifyTrack email address"));

        app.Users.Time.Advance(TimeSpan.FromHours(1));
        await app.QueryAsync(RequestReset, variables: new { e = "asha@example.edu" });
        await app.DeliverMailAsync();
        Assert.Equal(6, ResetMails(app));
    }

    [Fact]
    public async Task Concurrent_notifications_to_one_address_on_PostgreSQL_queue_at_most_the_throttle()
    {
        await using var app = await NotificationsApp.StartAsync("postgres");
        var asha = await app.AddUserAsync("asha", verified: true);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => app.NotifyAsync(NotificationKinds.EventReminder, $"Reminder {i}", false, asha)));

        Assert.All(answers, written => Assert.Equal(1, written)); // every notification is written in the app
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(5, await db.EmailOutbox.CountAsync(Ct));      // five of them by email
        Assert.Equal(5, (await db.EmailThrottle.SingleAsync(Ct)).Sent);
    }

    [Fact]
    public async Task Concurrent_reset_requests_handled_by_several_workers_on_PostgreSQL_send_at_most_the_throttle()
    {
        await using var app = await AccountsApp.StartAsync("postgres");
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await app.DeliverMailAsync();

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => app.QueryAsync(RequestReset, variables: new { e = "asha@example.edu" })));
        // Four workers at once, as four host instances would run them.
        var dispatcher = app.Users.App.Services.GetRequiredService<OutboxDispatcher>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while ((await dispatcher.RunAsync(Ct)).Fed > 0)
            {
            }
        }, Ct)));

        Assert.Equal(5, ResetMails(app));
        await using var db = await app.Users.CreateDbContextAsync();
        Assert.Equal(0, await db.AccountMailRequests.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_way_into_the_outbox_passes_the_throttle(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider, new Dictionary<string, string?> { ["Email:Throttle:Kinds:password-changed"] = "2" });
        var outbox = app.Users.App.Services.GetRequiredService<IEmailOutbox>();
        var queued = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            await using var db = await app.Users.CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            queued.Add(await outbox.EnqueueAsync(db, new EmailMessage("Eve@Example.edu", "password-changed",
                new Dictionary<string, string?> { ["first_name"] = "Eve", ["changed_at"] = "now" }), Ct));
            await tx.CommitAsync(Ct);
        }

        Assert.Equal([true, true, false, false], queued);   // Email:Throttle:Kinds overrides the 5 for this kind
        await using var check = await app.Users.CreateDbContextAsync();
        Assert.Equal(2, await check.EmailOutbox.CountAsync(Ct));

        // A rolled-back sender gives its slot back.
        await using (var db = await app.Users.CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            Assert.True(await outbox.EnqueueAsync(db, new EmailMessage("other@example.edu", "password-changed",
                new Dictionary<string, string?> { ["first_name"] = "O", ["changed_at"] = "now" }), Ct));
        }

        Assert.False(await check.EmailThrottle.AnyAsync(e => e.Address == "OTHER@EXAMPLE.EDU", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Requests_for_known_and_unknown_addresses_run_the_same_statements(string provider)
    {
        // No background service of the modules runs (sweeps, pruning, the outbox worker): every command counted is the request's.
        await using var app = await AccountsApp.StartAsync(provider, configureServices: s =>
        {
            foreach (var background in s.Where(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationType?.Namespace?.StartsWith("CertifyTrack.Modules", StringComparison.Ordinal) == true).ToList())
            {
                s.Remove(background);
            }
        });
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await app.QueryAsync(RequestReset, variables: new { e = "warm-up@example.edu" });
        await using var probe = await app.Users.CreateDbContextAsync();
        var connection = probe.Database.GetDbConnection();

        foreach (var mutation in new[] { RequestReset, "mutation($e: String!) { resendVerification(input: { email: $e }) { userErrors { code } } }" })
        {
            List<string> known, unknown;
            using (var commands = new CommandCounter(connection.DataSource, connection.Database))
            {
                await app.QueryAsync(mutation, variables: new { e = "asha@example.edu" });
                known = [.. commands.Commands];
            }

            using (var commands = new CommandCounter(connection.DataSource, connection.Database))
            {
                await app.QueryAsync(mutation, variables: new { e = "nobody@example.edu" });
                unknown = [.. commands.Commands];
            }

            Assert.Equal(known, unknown);
            Assert.Single(known, c => c.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(known, c => c.Contains("auth_user", StringComparison.Ordinal));
        }

        // The work happens off the request path: only the account gets mail.
        await app.DeliverMailAsync();
        Assert.Equal(1, ResetMails(app));
        Assert.DoesNotContain(app.Mailbox(), m => m.To.Mailboxes.Any(a => a.Address != "asha@example.edu"));
    }

    [Fact]
    public async Task With_the_worker_running_a_reset_request_is_mailed_without_waiting_for_a_poll()
    {
        // The poll interval runs on the fake clock, which stands still: only the request's bell wakes the worker.
        await using var app = await AccountsApp.StartAsync("sqlite", new Dictionary<string, string?>
        {
            ["Email:Outbox:RunWorker"] = "true",
            ["Email:Outbox:PollInterval"] = "01:00:00",
        });
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));

        await app.QueryAsync(RequestReset, variables: new { e = "asha@example.edu" });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ResetMails(app) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(1, ResetMails(app));
    }

    private static int ResetMails(AccountsApp app) => app.Mailbox().Count(m => m.Subject == ResetSubject);
}
