using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.GraphQL;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Errors;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Lifecycle;

/// <summary>Loading, authorising and recording what the event commands share, inside the command's transaction.</summary>
internal static class EventCommands
{
    public static long Key<TNode>(string? id, string field)
        where TNode : INode =>
        GlobalId.TryParse(id, out var parsed) && parsed.Value.TypeName == TNode.TypeName
            && long.TryParse(parsed.Value.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new UserErrorException(PlatformErrorCodes.InvalidId, $"'{field}' must be the id of a {TNode.TypeName}.", "input", field);

    /// <summary>
    /// The event, if the caller holds <paramref name="permission"/> in its club. Someone who may not act on
    /// it learns no more than that it does not exist for them (EVENT_NOT_FOUND for an invisible draft, NOT_ALLOWED otherwise).
    /// </summary>
    public static async Task<Event> EventAsync(this CommandContext<EventsDbContext> command, string? eventId, ClubPermission permission)
    {
        var key = Key<Event>(eventId, "eventId");
        var e = await command.Db.Events.SingleOrDefaultAsync(x => x.Id == key, command.CancellationToken)
            ?? throw NotFound();
        if (!await command.MayAsync(e.ClubId, permission))
        {
            throw e.Status == EventStatus.Draft && e.CreatedById != command.Caller.Id
                ? NotFound()
                : new UserErrorException(EventErrorCodes.NotAllowed, $"You may not do this in the event's club (needs {permission}).", "input", "eventId");
        }

        return e;
    }

    public static async Task<bool> MayAsync(this CommandContext<EventsDbContext> command, long clubId, ClubPermission permission) =>
        command.Caller.UserId is { } me && await command.Service<IClubPermissions>().CanAsync(me, clubId, permission, command.CancellationToken);

    /// <summary>EDIT_CONFLICT when the caller edited an older version than the stored one (another organizer changed it since).</summary>
    public static void CheckVersion(Event e, int? expectedVersion)
    {
        if (expectedVersion is { } v && v != e.Version)
        {
            throw new UserErrorException(EventErrorCodes.EditConflict,
                $"Someone changed this event since you loaded it (version {v}, now {e.Version}). Reload and try again.", "input", "expectedVersion");
        }
    }

    /// <summary>Completed and cancelled events never change.</summary>
    public static void CheckMutable(Event e)
    {
        if (e.IsFinal)
        {
            throw new UserErrorException(EventErrorCodes.EventImmutable, "A completed or cancelled event cannot change.", "input", "eventId");
        }
    }

    /// <summary>
    /// Saves an organizer's change: bumps <see cref="Event.Version"/>, the EF concurrency token, so a racing
    /// organizer's save of the same version updates no row (EDIT_CONFLICT), then audits and pushes <c>eventUpdated</c>.
    /// </summary>
    public static async Task SaveEditAsync(this CommandContext<EventsDbContext> command, Event e, string action, object? oldValues, object? newValues = null)
    {
        e.Version++;
        e.UpdatedAt = command.Now;
        try
        {
            await command.Db.SaveChangesAsync(command.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new UserErrorException(EventErrorCodes.EditConflict, "Another organizer changed this event at the same moment. Reload and try again.", "input", "eventId");
        }

        await command.AuditAsync(new AuditEntry(action, Event.TypeName, $"{e.Id}") { OldValues = oldValues, NewValues = newValues ?? Values(e) });
        command.Updated(e.Id);
    }

    /// <summary>Pushes <c>eventUpdated(eventId)</c> after the commit, on every instance.</summary>
    public static void Updated(this CommandContext<EventsDbContext> command, long eventId) =>
        command.PublishAfterCommit(EventTopics.Updated(eventId), new EventChanged(eventId));

    /// <summary>The event as the audit log records it.</summary>
    public static object Values(Event e) => new
    {
        e.Name,
        e.Description,
        e.Status,
        e.EventDate,
        e.StartTime,
        e.EndTime,
        e.MaxParticipants,
        e.RegistrationDeadline,
        e.VenueRequired,
        e.ActivityHours,
        e.AicteCategoryId,
        e.PointsAwarded,
        e.CancelReason,
        e.Version,
    };

    /// <summary>The event re-read after conditional counter updates, so the payload shows the stored counts.</summary>
    public static async Task<Event> FreshAsync(this CommandContext<EventsDbContext> command, Event e)
    {
        await command.Db.Entry(e).ReloadAsync(command.CancellationToken);
        return e;
    }

    private static UserErrorException NotFound() => new(EventErrorCodes.EventNotFound, "There is no such event.", "input", "eventId");
}
