using CertifyTrack.Shared.Notifications;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary><c>NotificationPreference</c>: the caller's choice for one kind (the default when never changed).</summary>
internal sealed class NotificationPreferenceType : ObjectGraphType<NotificationPreference>
{
    public NotificationPreferenceType()
    {
        Name = "NotificationPreference";
        this.Authorize();
        Field(p => p.Kind);
        Field(p => p.InApp).Description("Shown in the app (and pushed live).");
        Field(p => p.Email).Description("Sent by email.");
        Field<NonNullGraphType<BooleanGraphType>>("required").Description("A security kind: cannot be switched off.")
            .Resolve(c => NotificationKinds.Security.Contains(c.Source.Kind));
    }
}
