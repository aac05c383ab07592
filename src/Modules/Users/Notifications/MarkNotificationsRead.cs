namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>
/// <c>markNotificationsRead(input: { ids, all })</c>: marks the caller's own notifications read, in one
/// conditional <c>UPDATE</c>. Ids of other users' notifications are ignored exactly like ids that do not
/// exist, so the answer reveals nothing about them.
/// </summary>
internal static class MarkNotificationsRead
{
    public const int MaxIds = 500;

    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<MarkNotificationsReadInput, MarkNotificationsReadPayload>("markNotificationsRead")
            .Description("Marks the given notifications, or all of them, read. Only the caller's own are touched.")
            .Authorize()
            .RunWithoutTransaction<UsersDbContext>(async (command, input) =>
            {
                var keys = Selection(input);
                var me = command.Caller.Id;
                var rows = command.Db.Notifications.Where(n => n.UserId == me && !n.IsRead);
                var marked = await (keys is null ? rows : rows.Where(n => keys.Contains(n.Id)))
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), command.CancellationToken);
                var unread = await command.Db.Notifications.CountAsync(n => n.UserId == me && !n.IsRead, command.CancellationToken);
                return new MarkNotificationsReadPayload(marked, unread);
            });

    /// <summary>The keys to mark, or null for all of the caller's.</summary>
    public static List<long>? Selection(MarkNotificationsReadInput input)
    {
        if (input.All == true)
        {
            return null;
        }

        if (input.Ids is not { Count: > 0 } ids)
        {
            throw new UserErrorException(UsersErrorCodes.NothingToMark, "Give the ids to mark read, or all: true.", "input", "ids");
        }

        return ids.Count > MaxIds
            ? throw new UserErrorException(UsersErrorCodes.TooManyIds, $"At most {MaxIds} ids at once; use all: true to mark everything read.", "input", "ids")
            : [.. NodeTypes.ParseKeys<Notification>(ids, "ids").Distinct()];
    }
}

internal sealed record MarkNotificationsReadInput(
    [Id, Description("The notifications to mark read (at most 500)."), MaxItems(MarkNotificationsRead.MaxIds)] IReadOnlyList<string>? Ids,
    [Description("Mark every unread notification of the caller read.")] bool? All);

internal sealed record MarkNotificationsReadPayload(
    [Description("How many unread notifications of the caller were marked read.")] int MarkedCount,
    [Description("How many of the caller's notifications are still unread.")] int UnreadCount) : Payload;
