using System.ComponentModel;
using System.Globalization;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>
/// <c>markAttendance</c>: a list of entries or a CSV, by MARK_ATTENDANCE holders of the event's club while it
/// is open (<see cref="AttendanceGuard"/>). Valid entries apply; every entry naming an unknown or unregistered
/// student is a user error at its entry (<c>["input", "entries", i]</c> or <c>["input", "csv", line]</c>).
/// Marking is idempotent: <c>marked</c> counts the students whose attendance this call changed.
/// </summary>
internal static class MarkAttendance
{
    public const int MaxEntries = 1000;

    /// <summary>Errors in the order of the entries or lines they name (errors about the whole input first).</summary>
    private static int EntryIndex(UserError error) =>
        error.Field is [_, _, var index] ? int.Parse(index, CultureInfo.InvariantCulture) : -1;

    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<MarkAttendanceInput, MarkAttendancePayload>("markAttendance")
            .Description("Marks students present or absent at an event (a list of entries or a CSV 'usn,present'): for the club's attendance markers, "
                + "its coordinator and admins, while the event is ongoing and up to 24 h after its completion.")
            .Authorize()
            .Run<EventsDbContext>(async (command, input) =>
            {
                // Clubs' permissions and Users' directory are read on the command's connection (ADR 0013), before
                // the event's lock is taken: the lock is held only for the marking itself.
                var eventKey = await AttendanceGuard.AuthorizeAsync(command, input.EventId);
                var errors = new List<UserError>();
                var wanted = await AttendanceEntries.ResolveAsync(command, input, errors);
                var e = await AttendanceGuard.LockOpenEventAsync(command, eventKey, ongoingOnly: false);
                var ids = wanted.Select(w => w.StudentId).Distinct().ToList();
                var registrations = await command.Db.Registrations.Where(r => r.EventId == e.Id && ids.Contains(r.StudentId))
                    .ToDictionaryAsync(r => r.StudentId, command.CancellationToken);
                var marks = new Dictionary<long, (Mark Mark, string At)>();
                foreach (var (path, studentId, present) in wanted)
                {
                    if (!registrations.TryGetValue(studentId, out var registration) || !AttendanceGuard.HoldsSeat(registration))
                    {
                        errors.Add(new UserError(AttendanceErrorCodes.StudentNotRegistered, "This student does not hold a registration for the event.", path));
                    }
                    else if (marks.TryGetValue(studentId, out var earlier))
                    {
                        // The same mark twice is one mark; a contradicting one is refused, the first one stands.
                        if (earlier.Mark.Present != present)
                        {
                            errors.Add(new UserError(AttendanceErrorCodes.ConflictingEntries, $"This entry contradicts {earlier.At} for the same student; that one was applied.", path));
                        }
                    }
                    else
                    {
                        marks[studentId] = (new Mark(registration, present), string.Join('.', path.Skip(1)));
                    }
                }

                var changes = await AttendanceWriter.ApplyAsync(command, e, [.. marks.Values.Select(m => m.Mark)], input.Csv is null ? "entries" : "csv", errors.Count);
                var updated = await command.Db.Events.AsNoTracking().SingleAsync(x => x.Id == e.Id, command.CancellationToken);
                return new MarkAttendancePayload(changes.Count, updated) { UserErrors = [.. errors.OrderBy(EntryIndex)] };
            });
}

[Description("One student's mark: either studentId or usn.")]
internal sealed record AttendanceEntryInput(
    [Id, Description("A Student id.")] string? StudentId,
    [Description("The student's university seat number.")] string? Usn,
    [Description("True: present; false: absent.")] bool Present);

internal sealed record MarkAttendanceInput(
    [Id] string EventId,
    [Description("At most 1,000 entries; or send csv instead."), MaxItems(MarkAttendance.MaxEntries)] IReadOnlyList<AttendanceEntryInput>? Entries,
    [Description("Lines 'usn,present' (an optional header 'usn,present'; present is yes/no, true/false, 1/0 or present/absent); at most 1,000 lines and 100,000 characters.")] string? Csv);

internal sealed record MarkAttendancePayload(
    [Description("How many students' attendance this call changed (marking again what is already marked changes nothing).")] int Marked,
    [Description("The event, with its attendedCount.")] Event? Event) : Payload;

/// <summary>The entries or CSV lines of a <see cref="MarkAttendanceInput"/> resolved to students (through Users' directory), errors collected.</summary>
internal static class AttendanceEntries
{
    public static async Task<List<(string[] Path, long StudentId, bool Present)>> ResolveAsync(
        CommandContext<EventsDbContext> command, MarkAttendanceInput input, List<UserError> errors)
    {
        if ((input.Entries is null) == (input.Csv is null))
        {
            throw new UserErrorException(AttendanceErrorCodes.EntriesOrCsv, "Send either entries or csv.", "input");
        }

        var items = input.Csv is { } csv
            ? AttendanceCsv.Read(csv, errors).Select(m => (Path: Path("csv", m.Line), StudentId: (long?)null, Usn: (string?)m.Usn, m.Present)).ToList()
            : input.Entries!.Select((entry, i) => Entry(entry, i, errors)).OfType<(string[] Path, long? StudentId, string? Usn, bool Present)>().ToList();
        var directory = command.Service<IUserDirectory>();
        var byId = await directory.ByStudentIdsAsync([.. items.Where(i => i.StudentId is not null).Select(i => i.StudentId!.Value)], command.CancellationToken);
        var byUsn = await directory.ByUsnsAsync([.. items.Where(i => i.Usn is not null).Select(i => i.Usn!)], command.CancellationToken);
        var resolved = new List<(string[], long, bool)>();
        foreach (var (path, studentId, usn, present) in items)
        {
            var student = studentId is { } id ? byId.GetValueOrDefault(id) : byUsn.GetValueOrDefault(usn!);
            if (student?.StudentId is { } found)
            {
                resolved.Add((path, found, present));
            }
            else
            {
                errors.Add(new UserError(AttendanceErrorCodes.UnknownStudent, usn is null ? "There is no such student." : $"No student has the USN '{usn}'.", path));
            }
        }

        return resolved;
    }

    private static (string[] Path, long? StudentId, string? Usn, bool Present)? Entry(AttendanceEntryInput entry, int index, List<UserError> errors)
    {
        var path = Path("entries", index);
        var usn = entry.Usn?.Trim().ToUpperInvariant();
        if ((entry.StudentId is null) == (usn is null) || (usn is not null && !AttendanceCsv.IsUsn(usn)))
        {
            errors.Add(new UserError(AttendanceErrorCodes.EntryInvalid, "Give either studentId or usn (letters, digits and '-', at most 20).", path));
            return null;
        }

        if (usn is not null)
        {
            return (path, null, usn, entry.Present);
        }

        if (Shared.GraphQL.Relay.GlobalId.TryParse(entry.StudentId, out var id) && id.Value.TypeName == StudentNode.TypeName
            && long.TryParse(id.Value.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
        {
            return (path, key, null, entry.Present);
        }

        errors.Add(new UserError(Shared.GraphQL.Errors.PlatformErrorCodes.InvalidId, "'studentId' must be the id of a Student.", path));
        return null;
    }

    private static string[] Path(string field, int index) => ["input", field, index.ToString(CultureInfo.InvariantCulture)];
}
