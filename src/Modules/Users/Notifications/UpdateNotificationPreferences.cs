namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>
/// <c>updateNotificationPreferences</c>: per kind, in the app and by email; an omitted channel is unchanged.
/// Security kinds cannot be switched off (<see cref="NotificationPreference.Check"/>).
/// </summary>
internal static class UpdateNotificationPreferences
{
    public const int MaxPreferences = 100;

    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<UpdateNotificationPreferencesInput, UpdateNotificationPreferencesPayload>("updateNotificationPreferences")
            .Description("Changes, per kind, whether the caller gets notifications in the app and by email.")
            .Authorize()
            .Run<UsersDbContext>(async (command, input) =>
            {
                NotificationPreference.Check(input.Preferences);
                var me = command.Caller.Id;
                var kinds = input.Preferences.Select(p => p.Kind).ToList();
                var saved = await command.Db.NotificationPreferences.Where(p => p.UserId == me && kinds.Contains(p.Kind))
                    .ToDictionaryAsync(p => p.Kind, command.CancellationToken);
                foreach (var change in input.Preferences)
                {
                    var row = saved.GetValueOrDefault(change.Kind) ?? command.Db.Add(new NotificationPreference { UserId = me, Kind = change.Kind }).Entity;
                    row.Change(change.InApp, change.Email);
                }

                await command.AuditAsync(new AuditEntry("notification_preferences.updated", UserNode.TypeName, $"{me}") { NewValues = input.Preferences });
                return new UpdateNotificationPreferencesPayload(await NotificationPreferences.LoadAsync(command.Db, me, command.CancellationToken));
            });
}

internal sealed record NotificationPreferenceInput(
    [Description("A notification kind (registration_confirmed, points_approved, …).")] string Kind,
    [Description("Unchanged when omitted.")] bool? InApp,
    [Description("Unchanged when omitted.")] bool? Email);

internal sealed record UpdateNotificationPreferencesInput(
    [Description("At most 100."), MaxItems(UpdateNotificationPreferences.MaxPreferences)] IReadOnlyList<NotificationPreferenceInput> Preferences);

internal sealed record UpdateNotificationPreferencesPayload(IReadOnlyList<NotificationPreference>? Preferences) : Payload;
