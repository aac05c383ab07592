using System.Globalization;
using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>One usable line of an attendance CSV (<c>Line</c> counts from 1, the header included).</summary>
internal sealed record CsvMark(int Line, string Usn, bool Present);

/// <summary>
/// Reads <c>usn,present</c> lines (an optional header of those two words; blank lines ignored). Bounded before it
/// is read: at most <see cref="MaxLength"/> characters and <see cref="MaxLines"/> lines. A line that is not two
/// plain fields — a USN of letters, digits and '-' (so no formula such as <c>=HYPERLINK(…)</c>, no control
/// characters, no quotes inside) and a yes/no value — is a <c>CSV_LINE_INVALID</c> error at
/// <c>["input", "csv", "&lt;line&gt;"]</c>; the other lines still count.
/// </summary>
internal static class AttendanceCsv
{
    public const int MaxLength = 100_000;

    public const int MaxLines = MarkAttendance.MaxEntries;

    private const int MaxUsnLength = 20;

    public static IReadOnlyList<CsvMark> Read(string csv, List<UserError> errors)
    {
        if (csv.Length > MaxLength || csv.AsSpan().Count('\n') >= MaxLines + 1)
        {
            throw new UserErrorException(AttendanceErrorCodes.CsvTooLarge,
                $"The CSV may have at most {MaxLines} lines and {MaxLength} characters; send larger lists in several parts.", "input", "csv");
        }

        var marks = new List<CsvMark>();
        var lines = csv.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || (i == 0 && IsHeader(line)))
            {
                continue;
            }

            if (Parse(line) is { } mark)
            {
                marks.Add(new CsvMark(i + 1, mark.Usn, mark.Present));
            }
            else
            {
                errors.Add(new UserError(AttendanceErrorCodes.CsvLineInvalid,
                    $"Line {i + 1} is not 'usn,present' (a USN of letters, digits and '-', then yes/no, true/false, 1/0 or present/absent).",
                    ["input", "csv", (i + 1).ToString(CultureInfo.InvariantCulture)]));
            }
        }

        return marks;
    }

    private static bool IsHeader(string line) =>
        line.Replace(" ", "", StringComparison.Ordinal).Equals("usn,present", StringComparison.OrdinalIgnoreCase);

    private static (string Usn, bool Present)? Parse(string line)
    {
        var fields = line.Split(',');
        if (fields.Length != 2 || Unquote(fields[0]) is not { } usn || Unquote(fields[1]) is not { } present)
        {
            return null;
        }

        return IsUsn(usn) && Flag(present) is { } flag ? (usn.ToUpperInvariant(), flag) : null;
    }

    /// <summary>Letters, digits and '-', starting with a letter or digit, at most 20: what a USN may be, and nothing a spreadsheet or the database would interpret.</summary>
    public static bool IsUsn(string usn) =>
        usn.Length is > 0 and <= MaxUsnLength && usn.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && char.IsAsciiLetterOrDigit(usn[0]);

    /// <summary>The field trimmed, without one pair of surrounding quotes (spreadsheets add them); null when quotes remain inside.</summary>
    private static string? Unquote(string field)
    {
        var value = field.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1].Trim();
        }

        return value.Contains('"', StringComparison.Ordinal) ? null : value;
    }

    private static bool? Flag(string value) => value.ToUpperInvariant() switch
    {
        "1" or "TRUE" or "YES" or "Y" or "PRESENT" or "P" => true,
        "0" or "FALSE" or "NO" or "N" or "ABSENT" or "A" => false,
        _ => null,
    };
}
