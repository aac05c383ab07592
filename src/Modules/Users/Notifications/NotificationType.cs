using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Shared.GraphQL.Lists;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>
/// <c>Notification</c>: one of the caller's own notifications. Every path to it (the connection,
/// <c>node</c>, the subscription) hands out only the caller's rows, so its fields need a sign-in only.
/// </summary>
internal sealed class NotificationType : ObjectGraphType<Notification>
{
    public NotificationType()
    {
        Name = Notification.TypeName;
        this.Authorize();
        this.NodeId(n => n.Id);
        Field(n => n.Kind).Description("What happened: one of the notification kinds (registration_confirmed, points_approved, …).");
        Field(n => n.Title);
        Field(n => n.Message);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => UserType.Utc(c.Source.CreatedAt));
        Field(n => n.IsRead);
    }
}

/// <summary>Notifications are listed newest first.</summary>
internal sealed class NotificationSort : SortInputType<Notification>
{
    public NotificationSort()
    {
        Field("createdAt", n => n.CreatedAt);
        DefaultOrder("createdAt", SortDirection.Desc);
    }
}
