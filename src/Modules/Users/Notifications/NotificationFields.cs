using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Lists;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>The root fields of notifications: the caller's list, their live feed, reading and preferences.</summary>
internal static class NotificationFields
{
    public static void AddQueryFields(ObjectGraphType query)
    {
        query.Connection<NotificationType, Notification>("notifications").Sort<NotificationSort>()
            .Resolve<UsersDbContext>((context, db) => Own(context, db, context.GetArgument<bool?>("unreadOnly") == true), n => n.Id)
            .Argument<BooleanGraphType>("unreadOnly", "Only the notifications not read yet.")
            .Description("The caller's own notifications, newest first.")
            .Authorize();
    }

    public static void AddSubscriptionFields(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<NotificationType>, Notification>("notificationReceived")
            .Description("Each new notification of the signed-in user, as it is created (on any host instance).")
            .StreamTopic(context => NotificationTopics.ForUser(Caller.Of(context.User).UserId
                ?? throw new ExecutionError("Sign in to receive notifications.") { Code = PlatformErrorCodes.Unauthenticated }))
            .Authorize();

    private static IQueryable<Notification> Own(IResolveFieldContext context, UsersDbContext db, bool unreadOnly)
    {
        var rows = NotificationsRegistration.Nodes.Visible(context, db);
        return unreadOnly ? rows.Where(n => !n.IsRead) : rows;
    }
}
