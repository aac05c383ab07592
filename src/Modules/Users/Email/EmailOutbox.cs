using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Email;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// <see cref="IEmailOutbox"/>: takes a slot of the recipient's <see cref="EmailThrottle"/>, renders the
/// message and runs one <c>INSERT</c> on the caller's context and transaction (as <c>IAuditLog</c>
/// does), then rings the worker once that commits (without a host event bus the worker still finds
/// the row at its next poll). Inside the Users module, <see cref="AddManyAsync"/> queues many
/// messages as tracked rows for one batched save. Inside a GraphQL root field, only one declaring
/// <see cref="ExpensiveWork.Email"/> may queue mail.
/// </summary>
internal sealed class EmailOutbox(EmailTemplates templates, EmailThrottle throttle, TimeProvider time, IServiceProvider services) : IEmailOutbox
{
    public async Task<bool> EnqueueAsync(DbContext db, EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.To);
        ExpensiveFields.EnsureDeclared(ExpensiveWork.Email);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "IEmailOutbox.EnqueueAsync writes inside the caller's transaction; begin one on the context first.");
        }

        var (subject, body) = templates.Render(message);
        if (!await throttle.TryTakeAsync(db, message.To, message.Template, cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var pending = (int)OutboxStatus.Pending;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO api_email_outbox (to_address, subject, html_body, template, status, attempts, created_at, next_attempt_at)
            VALUES ({message.To.Trim()}, {subject}, {body}, {message.Template}, {pending}, 0, {now}, {now})
            """,
            cancellationToken);
        RingAfterCommit(db);
        return true;
    }

    /// <summary>
    /// Takes throttle slots for <paramref name="messages"/> (one statement per template), renders the
    /// ones that got one and adds them to <paramref name="db"/> as new rows, without saving: the caller's
    /// next <c>SaveChanges</c> inserts them in batches (an import queues 10,000 invitations without a
    /// round trip each) inside its open transaction. Returns, per message, whether it was queued.
    /// </summary>
    public async Task<bool[]> AddManyAsync(UsersDbContext db, IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(messages);
        ExpensiveFields.EnsureDeclared(ExpensiveWork.Email);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("EmailOutbox.AddManyAsync writes inside the caller's transaction; begin one on the context first.");
        }

        var queued = new bool[messages.Count];
        foreach (var template in messages.GroupBy(m => m.Template))
        {
            var allowed = await throttle.TakeManyAsync(db, template.Select(m => m.To), template.Key, cancellationToken);
            for (var i = 0; i < messages.Count; i++)
            {
                queued[i] |= messages[i].Template == template.Key && allowed.Contains(User.Normalize(messages[i].To));
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var list = messages.Where((_, i) => queued[i]).ToList();
        var rendered = templates.RenderMany(list);
        db.EmailOutbox.AddRange(list.Select((message, i) => new OutboxEmail
        {
            ToAddress = message.To.Trim(), Subject = rendered[i].Subject, HtmlBody = rendered[i].HtmlBody, Template = message.Template,
            Status = OutboxStatus.Pending, Attempts = 0, CreatedAt = now, NextAttemptAt = now,
        }));
        RingAfterCommit(db);
        return queued;
    }

    // Resolved per call: the bus belongs to the host, and tooling builds the modules without one.
    private void RingAfterCommit(DbContext db) => services.GetService<IEventBus>()?.PublishAfterCommit(db, new EmailQueued());
}

/// <summary>A message was committed to the outbox: the worker of this instance looks at once.</summary>
internal sealed record EmailQueued : IIntegrationEvent;

internal sealed class EmailQueuedHandler(OutboxSignal signal) : IIntegrationEventHandler<EmailQueued>
{
    public Task HandleAsync(EmailQueued integrationEvent, CancellationToken cancellationToken)
    {
        signal.Ring();
        return Task.CompletedTask;
    }
}

/// <summary>Wakes <see cref="OutboxWorker"/> before its poll interval ends.</summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim bell = new(0, 1);

    public void Ring()
    {
        try
        {
            bell.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already rung: one wake-up covers every message queued meanwhile.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => bell.WaitAsync(cancellationToken);

    public void Dispose() => bell.Dispose();
}
