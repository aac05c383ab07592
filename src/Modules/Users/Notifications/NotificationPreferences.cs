using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Notifications;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>
/// <c>notificationPreferences</c> (every kind with the caller's effective choice) and
/// <c>updateNotificationPreferences</c>. Security kinds cannot be switched off.
/// </summary>
internal static class NotificationPreferences
{
    public static void AddQueryField(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>>("notificationPreferences")
            .Description("For every notification kind, whether the caller gets it in the app and by email.")
            .ResolveAsync(async c => await LoadAsync(c, CallerId(c)))
            .Authorize();

    public static void AddMutationField(ObjectGraphType mutation) =>
        mutation.Mutation<UpdateNotificationPreferencesInputType, UpdateNotificationPreferencesPayloadType>("updateNotificationPreferences")
            .Description("Changes, per kind, whether the caller gets notifications in the app and by email.")
            .Authorize()
            .Resolve<UpdateNotificationPreferencesInput, UpdateNotificationPreferencesPayload>(async (context, input) =>
            {
                var userId = CallerId(context);
                Check(input.Preferences);
                var services = context.RequestServices!;
                await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(context.CancellationToken);
                await using var tx = await db.Database.BeginTransactionAsync(context.CancellationToken);
                var kinds = input.Preferences.Select(p => p.Kind).ToList();
                var existing = await db.NotificationPreferences.Where(p => p.UserId == userId && kinds.Contains(p.Kind))
                    .ToDictionaryAsync(p => p.Kind, context.CancellationToken);
                foreach (var change in input.Preferences)
                {
                    if (!existing.TryGetValue(change.Kind, out var row))
                    {
                        row = new NotificationPreference { UserId = userId, Kind = change.Kind };
                        db.Add(row);
                    }

                    row.InApp = change.InApp ?? row.InApp;
                    row.Email = change.Email ?? row.Email;
                }

                await db.SaveChangesAsync(context.CancellationToken);
                await services.GetRequiredService<IAuditLog>().RecordAsync(
                    db, new AuditEntry("notification_preferences.updated", "User", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) { NewValues = input.Preferences }, context.CancellationToken);
                await tx.CommitAsync(context.CancellationToken);
                return new UpdateNotificationPreferencesPayload { Preferences = await LoadAsync(context, userId) };
            });

    private static void Check(IReadOnlyList<NotificationPreferenceInput> preferences)
    {
        var errors = new List<UserError>();
        for (var i = 0; i < preferences.Count; i++)
        {
            var p = preferences[i];
            var at = new[] { "input", "preferences", i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (!NotificationKinds.All.Contains(p.Kind))
            {
                errors.Add(new UserError("UNKNOWN_NOTIFICATION_KIND", $"'{p.Kind}' is not a notification kind.", [.. at, "kind"]));
            }
            else if (NotificationKinds.Security.Contains(p.Kind) && (p.InApp == false || p.Email == false))
            {
                errors.Add(new UserError("SECURITY_NOTIFICATION_REQUIRED", $"Security notifications ({p.Kind}) cannot be switched off.", [.. at, "kind"]));
            }
            else if (preferences.Take(i).Any(q => q.Kind == p.Kind))
            {
                errors.Add(new UserError("DUPLICATE_NOTIFICATION_KIND", $"'{p.Kind}' is given more than once.", [.. at, "kind"]));
            }
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(errors);
        }
    }

    private static long CallerId(IResolveFieldContext context) =>
        Caller.UserId(context.User) ?? throw new InvalidOperationException("Authorize() lets only signed-in callers in.");

    private static async Task<IReadOnlyList<NotificationPreference>> LoadAsync(IResolveFieldContext context, long userId)
    {
        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<UsersDbContext>>();
        await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
        var saved = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, context.CancellationToken);
        return [.. NotificationKinds.Ordered.Select(kind => saved.GetValueOrDefault(kind) ?? new NotificationPreference { UserId = userId, Kind = kind })];
    }
}
