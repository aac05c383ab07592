using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Relay;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Notifications;

internal static class NotificationsRegistration
{
    /// <summary>Notifications: only the recipient loads them, by <c>node</c> or in <c>notifications</c>.</summary>
    public static readonly NodeSource<UsersDbContext, Notification> Nodes =
        new(UserPolicies.Notifications, db => db.Notifications.AsNoTracking(), n => n.Id);

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => { o.Validate(); return true; });
        services.AddSingleton<NotificationEmails>();
        services.AddSingleton<INotifier, Notifier>();
        services.AddSingleton<NotificationSweep>();
        services.AddHostedService<PeriodicSweepService<NotificationSweep>>();
        services.AddNodeSource(Nodes);
        services.AddGraphTypeMapping<NotificationPreference, NotificationPreferenceType>();
        services.AddGraphTypeMapping<NotificationPreferenceInput, InputType<NotificationPreferenceInput>>();
        return services;
    }
}
