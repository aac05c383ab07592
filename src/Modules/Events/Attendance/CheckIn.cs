using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>
/// <c>checkIn</c>: an organizer (MARK_ATTENDANCE in the event's club) scans a student's check-in code while the
/// event is ongoing; the student is marked present. A wrong code, a malformed one and another event's code get one
/// and the same error and spend the organizer's budget (<see cref="WrongCheckInCodes"/>): the answer never tells
/// whether a code exists elsewhere. The code is looked up within the event only, then compared in constant time.
/// </summary>
internal static class CheckIn
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<CheckInInput, CheckInPayload>("checkIn")
            .Description("Checks a student in to an ongoing event by their registration's check-in code (scanned from its QR): for the club's attendance markers, its coordinator and admins.")
            .Authorize()
            .Run<EventsDbContext>(async (command, input) =>
            {
                // Clubs' permission on the command's connection (ADR 0013), before the event's lock (as markAttendance).
                var eventKey = await AttendanceGuard.AuthorizeAsync(command, input.EventId);
                var budget = command.Service<WrongCheckInCodes>();
                if (!budget.HasBudget(command.Caller.Id))
                {
                    throw new UserErrorException(AttendanceErrorCodes.TooManyWrongCodes, "Too many wrong check-in codes were scanned; try again in a few minutes.", "input", "code");
                }

                var e = await AttendanceGuard.LockOpenEventAsync(command, eventKey, ongoingOnly: true);
                var code = Normalized(input.Code);
                var registration = code.Length == EventRegistration.CheckInCodeLength
                    ? await command.Db.Registrations.SingleOrDefaultAsync(r => r.EventId == e.Id && r.CheckInCode == code, command.CancellationToken)
                    : null;
                if (registration is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(registration.CheckInCode), Encoding.ASCII.GetBytes(code)))
                {
                    budget.Spend(command.Caller.Id);
                    throw new UserErrorException(AttendanceErrorCodes.CheckInCodeInvalid, "This code does not check anyone in to this event.", "input", "code");
                }

                if (!AttendanceGuard.HoldsSeat(registration))
                {
                    throw new UserErrorException(AttendanceErrorCodes.StudentNotRegistered, "This student is waitlisted or has cancelled: they hold no seat.", "input", "code");
                }

                registration.CheckedInAt ??= command.Now;
                await AttendanceWriter.ApplyAsync(command, e, [new Mark(registration, Present: true)], "checkIn", refused: 0);
                return new CheckInPayload(registration);
            });

    /// <summary>What a scanner or a typing organizer may add around a code: spaces, dashes, lower case. Bounded before any work.</summary>
    private static string Normalized(string? code) =>
        code is null || code.Length > 64 ? "" : new string([.. code.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant)]);
}

internal sealed record CheckInInput([Id] string EventId, [Description("The scanned check-in code.")] string Code);

internal sealed record CheckInPayload([Description("The student's registration, checked in.")] EventRegistration? Registration) : Payload;
