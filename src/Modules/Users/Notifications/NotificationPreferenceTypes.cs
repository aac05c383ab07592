using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Notifications;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Notifications;

internal sealed record NotificationPreferenceInput(string Kind, bool? InApp, bool? Email);

internal sealed record UpdateNotificationPreferencesInput(IReadOnlyList<NotificationPreferenceInput> Preferences);

internal sealed class UpdateNotificationPreferencesPayload : Payload
{
    public IReadOnlyList<NotificationPreference>? Preferences { get; init; }
}

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

internal sealed class NotificationPreferenceInputType : InputObjectGraphType<NotificationPreferenceInput>
{
    public NotificationPreferenceInputType()
    {
        Field(p => p.Kind).Description("A notification kind (registration_confirmed, points_approved, …).");
        Field(p => p.InApp, nullable: true).Description("Unchanged when omitted.");
        Field(p => p.Email, nullable: true).Description("Unchanged when omitted.");
    }
}

internal sealed class UpdateNotificationPreferencesInputType : InputObjectGraphType<UpdateNotificationPreferencesInput>
{
    public UpdateNotificationPreferencesInputType() =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceInputType>>>>("preferences")
            .Description("At most 100.").MaxItems(100);
}

internal sealed class UpdateNotificationPreferencesPayloadType : PayloadGraphType<UpdateNotificationPreferencesPayload>
{
    public UpdateNotificationPreferencesPayloadType() =>
        Field<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>("preferences").Resolve(c => c.Source.Preferences);
}
