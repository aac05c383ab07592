using System.Text.Json;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>
/// <see cref="INotifier"/>: one <c>INSERT … SELECT … RETURNING</c> on the caller's context (its
/// connection and transaction), for one recipient or many; the recipients are one array (or JSON)
/// parameter, so the statement stays the same size for 1 or 1000 ids. Each written row is then
/// published to its owner's topic, released by the bus when the caller commits. The bus is
/// resolved per call: hosts without one (the <c>migrate</c> command) still build their services.
/// Then <see cref="NotificationEmails"/> queues the emails with one more statement. Inactive (disabled)
/// users get nothing: this statement is the one place notifications are written, so it holds them here
/// (<c>u.is_active</c>), for every module and kind; their emails are held by the same rule.
/// </summary>
internal sealed class Notifier(IServiceProvider services, TimeProvider time, IOptions<NotificationOptions> options, NotificationEmails emails) : INotifier
{
    public Task<int> NotifyAsync(DbContext db, long userId, NotificationRequest request, CancellationToken cancellationToken) =>
        NotifyManyAsync(db, [userId], request, cancellationToken);

    public async Task<int> NotifyManyAsync(DbContext db, IReadOnlyCollection<long> userIds, NotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(userIds.Count, INotifier.MaxRecipients, nameof(userIds));
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "INotifier writes inside the caller's transaction; begin one on the context first.");
        }

        var ids = userIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var expires = now.AddDays(options.Value.RetentionDays);
        var respectPreferences = !NotificationKinds.Security.Contains(request.Kind);
        var inserted = await Insert(db, ids, request, now, expires, respectPreferences).ToListAsync(cancellationToken);
        var bus = services.GetRequiredService<IEventBus>();
        foreach (var row in inserted)
        {
            var notification = new Notification
            {
                Id = row.Id, UserId = row.UserId, Kind = request.Kind, Title = request.Title,
                Message = request.Message, CreatedAt = now, ExpiresAt = expires,
            };
            bus.PublishAfterCommit(db, NotificationTopics.ForUser(row.UserId), notification);
        }

        if (request.SendEmail)
        {
            await emails.QueueAsync(db, ids, request, now, cancellationToken);
        }

        return inserted.Count;
    }

    private static IQueryable<InsertedRow> Insert(
        DbContext db, long[] ids, NotificationRequest request, DateTime now, DateTime expires, bool respectPreferences) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQuery<InsertedRow>(
                $"""
                INSERT INTO api_notification (user_id, kind, title, message, created_at, expires_at, is_read)
                SELECT u.id, {request.Kind}, {request.Title}, {request.Message}, {now}, {expires}, FALSE
                FROM auth_user u
                WHERE u.id = ANY({ids}) AND u.is_active
                  AND (NOT {respectPreferences} OR NOT EXISTS (
                      SELECT 1 FROM api_notificationpreference p WHERE p.user_id = u.id AND p.kind = {request.Kind} AND NOT p.in_app))
                RETURNING id, user_id
                """)
            : db.Database.SqlQuery<InsertedRow>(
                $"""
                INSERT INTO api_notification (user_id, kind, title, message, created_at, expires_at, is_read)
                SELECT u.id, {request.Kind}, {request.Title}, {request.Message}, {now}, {expires}, 0
                FROM auth_user u
                WHERE u.id IN (SELECT value FROM json_each({JsonSerializer.Serialize(ids)})) AND u.is_active
                  AND (NOT {respectPreferences} OR NOT EXISTS (
                      SELECT 1 FROM api_notificationpreference p WHERE p.user_id = u.id AND p.kind = {request.Kind} AND NOT p.in_app))
                RETURNING id, user_id
                """);

    private sealed class InsertedRow
    {
        public long Id { get; set; }

        public long UserId { get; set; }
    }
}
