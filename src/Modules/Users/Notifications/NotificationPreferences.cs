using CertifyTrack.Shared.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary><c>notificationPreferences</c>: every kind with the caller's effective choice (the default where none is saved).</summary>
internal static class NotificationPreferences
{
    public static void AddQueryField(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>>("notificationPreferences")
            .Description("For every notification kind, whether the caller gets it in the app and by email.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(c.CancellationToken);
                return await LoadAsync(db, Caller.Of(c.User).Id, c.CancellationToken);
            })
            .Authorize();

    public static async Task<IReadOnlyList<NotificationPreference>> LoadAsync(UsersDbContext db, long userId, CancellationToken ct)
    {
        var saved = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, ct);
        return [.. NotificationKinds.Ordered.Select(kind => saved.GetValueOrDefault(kind) ?? new NotificationPreference { UserId = userId, Kind = kind })];
    }
}
