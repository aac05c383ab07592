using System.Globalization;
using CertifyTrack.Shared.Events;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>The event-bus topic of one user's new notifications: <c>notifications.user.{id}</c>.</summary>
internal static class NotificationTopics
{
    public static Topic<Notification> ForUser(long userId) =>
        new(string.Create(CultureInfo.InvariantCulture, $"notifications.user.{userId}"));
}
