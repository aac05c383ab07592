using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL.Errors;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>Who may mark an event's attendance, and when: shared by <c>markAttendance</c> and <c>checkIn</c>.</summary>
internal static class AttendanceGuard
{
    /// <summary>
    /// The event's key, once the caller holds MARK_ATTENDANCE in its club (Clubs answers: the coordinator
    /// and admins hold it too). Asked before the event is locked, on the command's connection and in its
    /// transaction (ADR 0013): Clubs reads its own tables.
    /// </summary>
    public static async Task<long> AuthorizeAsync(CommandContext<EventsDbContext> command, string? eventId)
    {
        var key = GlobalId.TryParse(eventId, out var id) && id.Value.TypeName == Event.TypeName
            && long.TryParse(id.Value.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
            ? k
            : throw new UserErrorException(PlatformErrorCodes.InvalidId, "'eventId' must be the id of an Event.", "input", "eventId");
        var clubId = await command.Db.Events.Where(e => e.Id == key).Select(e => (long?)e.ClubId).SingleOrDefaultAsync(command.CancellationToken)
            ?? throw new UserErrorException(PlatformErrorCodes.NotFound, "There is no such event.", "input", "eventId");
        return await command.Service<IClubPermissions>().CanAsync(command.Caller.Id, clubId, ClubPermission.MarkAttendance, command.CancellationToken)
            ? key
            : throw new UserErrorException(PlatformErrorCodes.Forbidden, "Only the club's attendance markers, its coordinator and admins may mark attendance.", "input", "eventId");
    }

    /// <summary>
    /// Locks the event (<see cref="AttendanceWriter.LockAsync"/>) and checks it is open for marking: ongoing, or
    /// completed within <see cref="AttendanceOptions.WindowAfterCompletion"/> unless <paramref name="ongoingOnly"/> (check-in at the door).
    /// </summary>
    public static async Task<Event> LockOpenEventAsync(CommandContext<EventsDbContext> command, long eventKey, bool ongoingOnly)
    {
        var e = await AttendanceWriter.LockAsync(command.Db, eventKey, command.CancellationToken)
            ?? throw new UserErrorException(PlatformErrorCodes.NotFound, "There is no such event.", "input", "eventId");
        var window = command.Service<IOptions<AttendanceOptions>>().Value.WindowAfterCompletion;
        var open = e.Status == EventStatus.Ongoing
            || (!ongoingOnly && e.Status == EventStatus.Completed && e.CompletedAt is { } done && command.Now <= done + window);
        return open
            ? e
            : throw new UserErrorException(AttendanceErrorCodes.WindowClosed, ongoingOnly
                ? "Check-in is open only while the event is ongoing."
                : $"Attendance can be marked while the event is ongoing and up to {window.TotalHours:0.#} h after it was completed.", "input", "eventId");
    }

    /// <summary>Registrations that hold a seat (REGISTERED, or ATTENDED/NO_SHOW after completion) may be marked; waitlisted and cancelled ones not.</summary>
    public static bool HoldsSeat(EventRegistration registration) =>
        registration.Status is RegistrationStatus.Registered or RegistrationStatus.Attended or RegistrationStatus.NoShow;
}
