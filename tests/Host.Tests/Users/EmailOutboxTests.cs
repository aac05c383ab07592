using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Shared.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>The outbox: transactional enqueue, Scriban rendering, retries with exponential backoff on the fake clock.</summary>
public sealed class EmailOutboxTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failing_sender_is_retried_three_times_with_doubling_delays_then_given_up(string provider)
    {
        var sender = new FlakySender(failures: int.MaxValue);
        await using var app = await AccountsApp.StartAsync(provider, configureServices: s => s.AddSingleton<IEmailSender>(sender));
        await EnqueueAsync(app, "<b>Eve</b>");

        Assert.Equal(0, await app.DeliverMailAsync());
        Assert.Equal(1, sender.Calls);
        Assert.Equal(0, await app.DeliverMailAsync());
        Assert.Equal(1, sender.Calls);   // not due again yet

        (int Seconds, int Calls)[] schedule = [(29, 1), (1, 2), (59, 2), (1, 3), (119, 3), (1, 4), (3600, 4)];
        foreach (var (seconds, calls) in schedule)
        {
            app.Users.Time.Advance(TimeSpan.FromSeconds(seconds));
            await app.DeliverMailAsync();
            Assert.Equal(calls, sender.Calls);
        }

        await using var db = await app.Users.CreateDbContextAsync();
        var row = await db.EmailOutbox.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((OutboxStatus.Failed, 4), (row.Status, row.Attempts));
        Assert.Equal("IOException: SMTP is down", row.LastError);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_message_is_delivered_once_the_sender_recovers_with_its_values_html_encoded(string provider)
    {
        var sender = new FlakySender(failures: 2);
        await using var app = await AccountsApp.StartAsync(provider, configureServices: s => s.AddSingleton<IEmailSender>(sender));
        await EnqueueAsync(app, "<b>Eve</b>");

        await app.DeliverMailAsync();
        app.Users.Time.Advance(TimeSpan.FromSeconds(30));
        await app.DeliverMailAsync();
        app.Users.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await app.DeliverMailAsync());

        var message = Assert.Single(sender.Sent);
        Assert.Equal("Confirm your CertifyTrack email address", message.Subject);
        Assert.Contains("Hello &lt;b&gt;Eve&lt;/b&gt;,", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.example/verify-email?token=a&amp;b\"", message.HtmlBody, StringComparison.Ordinal);
        await using var db = await app.Users.CreateDbContextAsync();
        var row = await db.EmailOutbox.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((OutboxStatus.Sent, 3, ""), (row.Status, row.Attempts, row.HtmlBody));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enqueueing_needs_the_callers_transaction_and_rolls_back_with_it(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var outbox = app.Users.App.Services.GetRequiredService<IEmailOutbox>();
        var ct = TestContext.Current.CancellationToken;
        await using var db = await app.Users.CreateDbContextAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.EnqueueAsync(db, Message("Eve"), ct));
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(db, Message("Eve") with { Template = "nope" }, ct));
            await outbox.EnqueueAsync(db, Message("Eve"), ct);
            await tx.RollbackAsync(ct);
        }

        Assert.Equal(0, await db.EmailOutbox.CountAsync(ct));
        Assert.Equal(0, await app.DeliverMailAsync());
        Assert.Empty(app.Mailbox());
    }

    private static EmailMessage Message(string firstName) => new(
        "eve@example.edu",
        "verify-email",
        new Dictionary<string, string?> { ["first_name"] = firstName, ["link"] = "https://x.example/verify-email?token=a&b", ["expires_at"] = "soon" });

    private static async Task EnqueueAsync(AccountsApp app, string firstName)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await app.Users.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await app.Users.App.Services.GetRequiredService<IEmailOutbox>().EnqueueAsync(db, Message(firstName), ct);
        await tx.CommitAsync(ct);
    }

    private sealed class FlakySender(int failures) : IEmailSender
    {
        public int Calls { get; private set; }

        public List<MimeMessage> Sent { get; } = [];

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (++Calls <= failures)
            {
                throw new IOException("SMTP is down");
            }

            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
