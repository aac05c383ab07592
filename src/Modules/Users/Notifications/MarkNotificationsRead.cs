using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Relay;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>
/// <c>markNotificationsRead(input: { ids, all })</c>: marks the caller's own notifications read.
/// Ids of other users' notifications are ignored exactly like ids that do not exist, so the
/// answer reveals nothing about them.
/// </summary>
internal static class MarkNotificationsRead
{
    public const int MaxIds = 500;

    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<MarkNotificationsReadInputType, MarkNotificationsReadPayloadType>("markNotificationsRead")
            .Description("Marks the given notifications, or all of them, read. Only the caller's own are touched.")
            .Authorize()
            .Resolve<MarkNotificationsReadInput, MarkNotificationsReadPayload>(async (context, input) =>
            {
                var userId = Caller.UserId(context.User) ?? throw new InvalidOperationException("Authorize() lets only signed-in callers in.");
                var all = input.All == true;
                if (!all && (input.Ids is null || input.Ids.Count == 0))
                {
                    throw new UserErrorException("NOTHING_TO_MARK", "Give the ids to mark read, or all: true.", "input", "ids");
                }

                if (!all && input.Ids!.Count > MaxIds)
                {
                    throw new UserErrorException("TOO_MANY_IDS", $"At most {MaxIds} ids at once; use all: true to mark everything read.", "input", "ids");
                }

                var keys = all ? [] : input.Ids!.Select(id => NodeTypes.ParseKey(id, "Notification", "ids")).Distinct().ToList();
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<UsersDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                var rows = db.Notifications.Where(n => n.UserId == userId && !n.IsRead);
                if (!all)
                {
                    rows = rows.Where(n => keys.Contains(n.Id));
                }

                var marked = await rows.ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), context.CancellationToken);
                var unread = await db.Notifications.CountAsync(n => n.UserId == userId && !n.IsRead, context.CancellationToken);
                return new MarkNotificationsReadPayload { MarkedCount = marked, UnreadCount = unread };
            });
}

internal sealed record MarkNotificationsReadInput(IReadOnlyList<string>? Ids, bool? All);

internal sealed class MarkNotificationsReadPayload : Payload
{
    public int MarkedCount { get; init; }

    public int UnreadCount { get; init; }
}

internal sealed class MarkNotificationsReadInputType : InputObjectGraphType<MarkNotificationsReadInput>
{
    public MarkNotificationsReadInputType()
    {
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ids").Description($"The notifications to mark read (at most {MarkNotificationsRead.MaxIds}).")
            .MaxItems(MarkNotificationsRead.MaxIds);
        Field<BooleanGraphType>("all").Description("Mark every unread notification of the caller read.");
    }
}

internal sealed class MarkNotificationsReadPayloadType : PayloadGraphType<MarkNotificationsReadPayload>
{
    public MarkNotificationsReadPayloadType()
    {
        Field(p => p.MarkedCount).Description("How many unread notifications of the caller were marked read.");
        Field(p => p.UnreadCount).Description("How many of the caller's notifications are still unread.");
    }
}
