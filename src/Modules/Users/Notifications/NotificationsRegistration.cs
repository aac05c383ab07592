using GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Relay;
using CertifyTrack.Shared.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Notifications;

internal static class NotificationsRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => { o.Validate(); return true; });
        services.AddSingleton<NotificationEmails>();
        services.AddSingleton<INotifier, Notifier>();
        services.AddSingleton<NotificationSweep>();
        services.AddHostedService<PeriodicSweepService<NotificationSweep>>();
        services.AddSingleton(new NodeRegistration("Notification", LoadOwnAsync));
        return services;
    }

    /// <summary><c>node(id:)</c> finds a notification only for its owner.</summary>
    private static async Task<IReadOnlyDictionary<string, object>> LoadOwnAsync(IResolveFieldContext context, IReadOnlyList<string> keys)
    {
        var userId = Caller.UserId(context.User);
        var cancellationToken = context.CancellationToken;
        var ids = keys.Select(k => long.TryParse(k, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().Distinct().ToList();
        if (userId is null || ids.Count == 0)
        {
            return new Dictionary<string, object>();
        }

        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(cancellationToken);
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && ids.Contains(n.Id)).ToListAsync(cancellationToken);
        return rows.ToDictionary(n => n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), n => (object)n);
    }
}
