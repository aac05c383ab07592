using CertifyTrack.Shared.GraphQL.Errors;

namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>The <c>userErrors</c> codes of attendance (besides the platform's INVALID_ID, NOT_FOUND and FORBIDDEN).</summary>
[ErrorCodeCatalog]
internal static class AttendanceErrorCodes
{
    public const string WindowClosed = "ATTENDANCE_WINDOW_CLOSED";
    public const string EntriesOrCsv = "ENTRIES_OR_CSV_REQUIRED";
    public const string EntryInvalid = "ATTENDANCE_ENTRY_INVALID";
    public const string UnknownStudent = "UNKNOWN_STUDENT";
    public const string StudentNotRegistered = "STUDENT_NOT_REGISTERED";
    public const string ConflictingEntries = "CONFLICTING_ENTRIES";
    public const string CsvTooLarge = "CSV_TOO_LARGE";
    public const string CsvLineInvalid = "CSV_LINE_INVALID";
    public const string CheckInCodeInvalid = "CHECK_IN_CODE_INVALID";
    public const string TooManyWrongCodes = "TOO_MANY_WRONG_CHECK_IN_CODES";
}
