using System.Text.Json;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Shared.Email;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>
/// The email channel of <see cref="Notifier"/>. The <c>notification</c> template (title, message,
/// a link to the app) is rendered once per call — it names no recipient — and queued for every
/// recipient with two statements, not 1,000 <see cref="IEmailOutbox"/> round trips: one takes the
/// recipients' <see cref="EmailThrottle"/> slots (kind <c>notification.&lt;kind&gt;</c>) with an
/// <c>INSERT … SELECT … ON CONFLICT</c> over the eligible recipients, one <c>INSERT … SELECT</c> into
/// <c>api_email_outbox</c> for those that got a slot. The rows are shaped as <see cref="EmailOutbox"/>
/// writes them (pending, no attempts, due now) for the <see cref="OutboxDispatcher"/>. A recipient is
/// eligible when their email preference for the kind is on (no saved preference = on; security kinds
/// always), they are active and their address is verified (mail never goes to an address nobody confirmed).
/// </summary>
internal sealed class NotificationEmails(EmailTemplates templates, EmailThrottle throttle, IOptions<AccountOptions> accounts, IServiceProvider services)
{
    public const string Template = "notification";

    /// <summary>Queues the emails inside the transaction open on <paramref name="db"/>; returns how many.</summary>
    public async Task<int> QueueAsync(DbContext db, long[] userIds, NotificationRequest request, DateTime now, CancellationToken cancellationToken)
    {
        ExpensiveFields.EnsureDeclared(ExpensiveWork.Email);
        var security = NotificationKinds.Security.Contains(request.Kind);
        var (subject, body) = templates.Render(new EmailMessage("", Template, new Dictionary<string, string?>
        {
            ["title"] = request.Title,
            ["message"] = request.Message,
            ["link"] = accounts.Value.PublicBaseUrl.TrimEnd('/') + "/",
            ["security"] = security ? "yes" : "no",
        }));
        var allowed = (await throttle.TakeManyAsync(db, await EligibleAddressesAsync(db, userIds, request.Kind, !security, cancellationToken),
            $"{Template}.{request.Kind}", cancellationToken)).ToArray();
        if (allowed.Length == 0)
        {
            return 0;
        }

        var pending = (int)OutboxStatus.Pending;
        var queued = db.Database.IsNpgsql()
            ? await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO api_email_outbox (to_address, subject, html_body, template, status, attempts, created_at, next_attempt_at)
                SELECT u.email, {subject}, {body}, {Template}, {pending}, 0, {now}, {now}
                FROM auth_user u
                WHERE u.id = ANY({userIds}) AND u.normalized_email = ANY({allowed})
                ORDER BY u.id
                """,
                cancellationToken)
            : await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO api_email_outbox (to_address, subject, html_body, template, status, attempts, created_at, next_attempt_at)
                SELECT u.email, {subject}, {body}, {Template}, {pending}, 0, {now}, {now}
                FROM auth_user u
                WHERE u.id IN (SELECT value FROM json_each({JsonSerializer.Serialize(userIds)}))
                  AND u.normalized_email IN (SELECT value FROM json_each({JsonSerializer.Serialize(allowed)}))
                ORDER BY u.id
                """,
                cancellationToken);
        if (queued > 0)
        {
            // Resolved per call, as in EmailOutbox: tooling builds the modules without a bus.
            services.GetService<IEventBus>()?.PublishAfterCommit(db, new EmailQueued());
        }

        return queued;
    }

    /// <summary>The normalised addresses of the recipients who get this kind by email.</summary>
    private static async Task<List<string>> EligibleAddressesAsync(
        DbContext db, long[] userIds, string kind, bool respectPreferences, CancellationToken cancellationToken) =>
        await (db.Database.IsNpgsql()
            ? db.Database.SqlQuery<string>(
                $"""
                SELECT u.normalized_email AS "Value" FROM auth_user u
                WHERE u.id = ANY({userIds}) AND u.is_active AND u.is_email_verified AND u.email <> ''
                  AND (NOT {respectPreferences} OR NOT EXISTS (
                      SELECT 1 FROM api_notificationpreference p WHERE p.user_id = u.id AND p.kind = {kind} AND NOT p.email))
                """)
            : db.Database.SqlQuery<string>(
                $"""
                SELECT u.normalized_email AS "Value" FROM auth_user u
                WHERE u.id IN (SELECT value FROM json_each({JsonSerializer.Serialize(userIds)})) AND u.is_active AND u.is_email_verified AND u.email <> ''
                  AND (NOT {respectPreferences} OR NOT EXISTS (
                      SELECT 1 FROM api_notificationpreference p WHERE p.user_id = u.id AND p.kind = {kind} AND NOT p.email))
                """)).ToListAsync(cancellationToken);
}
