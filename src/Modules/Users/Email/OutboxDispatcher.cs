using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// Delivers the due outbox messages, after the <see cref="IOutboxFeeder"/>s queued what was asked for
/// since the last round. Each message is first claimed with a conditional
/// <c>UPDATE</c> (its attempt count must still be the one read), so several workers or host
/// instances never send it twice at once. A failure schedules retry n after
/// <c>RetryBaseDelay · 2^(n-1)</c>; after <c>MaxRetries</c> retries the message is marked failed.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IEnumerable<IOutboxFeeder> feeders,
    IDbContextFactory<UsersDbContext> dbFactory,
    IEmailSender sender,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 50;

    /// <summary>Feeds, then sends what is due now; returns how many messages were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken) => (await RunAsync(cancellationToken)).Sent;

    /// <summary>One round: how many requests the feeders handled, and how many messages were sent.</summary>
    public async Task<(int Fed, int Sent)> RunAsync(CancellationToken cancellationToken)
    {
        var fed = 0;
        foreach (var feeder in feeders)
        {
            fed += await feeder.FeedAsync(cancellationToken);
        }

        return (fed, await SendDueAsync(cancellationToken));
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.EmailOutbox.AsNoTracking()
            .Where(e => e.Status == OutboxStatus.Pending && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var email in due)
        {
            if (await TrySendAsync(db, email, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> TrySendAsync(UsersDbContext db, OutboxEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var claimedUntil = now + settings.Outbox.ClaimTimeout;
        var claimed = await db.EmailOutbox
            .Where(e => e.Id == email.Id && e.Status == OutboxStatus.Pending && e.Attempts == email.Attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, email.Attempts + 1).SetProperty(e => e.NextAttemptAt, claimedUntil), cancellationToken);
        if (claimed == 0)
        {
            return false;   // another worker has it
        }

        var attempt = email.Attempts + 1;
        try
        {
            await sender.SendAsync(ToMime(email, settings.From), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var retriesUsed = attempt - 1;
            var failed = retriesUsed >= settings.Outbox.MaxRetries;
            var next = now + (settings.Outbox.RetryBaseDelay * Math.Pow(2, retriesUsed));
            var error = $"{ex.GetType().Name}: {ex.Message}";
            LogFailed(logger, email.Id, attempt, failed, ex);
            await db.EmailOutbox.Where(e => e.Id == email.Id).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.Status, failed ? OutboxStatus.Failed : OutboxStatus.Pending)
                    .SetProperty(e => e.NextAttemptAt, next)
                    .SetProperty(e => e.LastError, error.Length > 1000 ? error[..1000] : error),
                CancellationToken.None);
            return false;
        }

        var sentAt = time.GetUtcNow().UtcDateTime;
        await db.EmailOutbox.Where(e => e.Id == email.Id).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.Status, OutboxStatus.Sent).SetProperty(e => e.SentAt, sentAt)
                .SetProperty(e => e.HtmlBody, "").SetProperty(e => e.LastError, (string?)null),
            CancellationToken.None);
        return true;
    }

    private static MimeMessage ToMime(OutboxEmail email, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.ToAddress));
        message.Subject = email.Subject;
        message.MessageId = $"outbox-{email.Id}@certifytrack";
        message.Body = new BodyBuilder { HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {OutboxId}: attempt {Attempt} failed (given up: {GivenUp}).")]
    private static partial void LogFailed(ILogger logger, long outboxId, int attempt, bool givenUp, Exception exception);
}
