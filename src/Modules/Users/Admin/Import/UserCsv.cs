using System.Globalization;
using CertifyTrack.Modules.Users.Admin.NewUsers;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL.Mutations;
using CsvHelper;

namespace CertifyTrack.Modules.Users.Admin.Import;

/// <summary>
/// Reads the CSV of <c>importUsers</c> with CsvHelper 34's reader (UTF-8, spans, no class
/// mapping): a header row naming the <see cref="Columns"/> in any order, then one user per row.
/// Every problem becomes a user error with <c>field: ["input", "csv", "line N", "column"]</c>
/// (N counts physical lines from 1, the header being line 1; the column as the header names it).
/// </summary>
internal static class UserCsv
{
    public const int MaxRows = 10_000;

    public static readonly string[] Columns =
        ["username", "email", "first_name", "last_name", "user_type", "usn", "department", "semester", "admission_type", "mentor_employee_id", "employee_id", "designation"];

    private static readonly string[] RequiredColumns = ["username", "email", "first_name", "last_name", "user_type"];

    public static List<NewUser> Read(string csv, List<UserError> errors)
    {
        var users = new List<NewUser>();
        using var reader = CsvReader.Create(new StringReader(csv), new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
        });
        var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            if (!Columns.Contains(headers[i]))
            {
                errors.Add(new UserError(UsersErrorCodes.UnknownColumn, $"Unknown column '{headers[i]}'; the columns are {string.Join(", ", Columns)}.", ["input", "csv", "line 1", headers[i]]));
            }
            else if (!index.TryAdd(headers[i], i))
            {
                errors.Add(new UserError(UsersErrorCodes.DuplicateColumn, $"The column '{headers[i]}' appears twice.", ["input", "csv", "line 1", headers[i]]));
            }
        }

        foreach (var missing in RequiredColumns.Where(c => !index.ContainsKey(c)))
        {
            errors.Add(new UserError(UsersErrorCodes.MissingColumn, $"The header has no '{missing}' column.", ["input", "csv", "line 1", missing]));
        }

        if (errors.Count > 0)
        {
            return users;
        }

        while (reader.Read())
        {
            if (users.Count == MaxRows)
            {
                errors.Add(new UserError(UsersErrorCodes.TooManyRows, $"At most {MaxRows} users per import.", ["input", "csv"]));
                break;
            }

            var line = $"line {reader.LineNumber.ToString(CultureInfo.InvariantCulture)}";
            if (reader.FieldCount != headers.Length)
            {
                errors.Add(new UserError(UsersErrorCodes.ColumnCount, $"The row has {reader.FieldCount} fields; the header has {headers.Length}.", ["input", "csv", line]));
            }

            users.Add(ToUser(reader, index, line, errors));
        }

        if (users.Count == 0 && errors.Count == 0)
        {
            errors.Add(new UserError(UsersErrorCodes.NoRows, "The CSV has a header but no users.", ["input", "csv"]));
        }

        return users;
    }

    private static NewUser ToUser(CsvReader reader, Dictionary<string, int> index, string line, List<UserError> errors)
    {
        string? Get(string column) => index.TryGetValue(column, out var i) && i < reader.FieldCount && reader.GetString(i) is { Length: > 0 } v ? v : null;
        string[] PathOf(string field) => ["input", "csv", line, ColumnOf(field)];

        var type = Get("user_type");
        var semester = Get("semester");
        var admission = Get("admission_type");
        var user = new NewUser
        {
            Path = PathOf,
            Label = line,
            Username = Get("username"), Email = Get("email"), FirstName = Get("first_name"), LastName = Get("last_name"),
            Kind = ParseKind(type),
            Usn = Get("usn"), Department = Get("department"),
            Semester = int.TryParse(semester, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null,
            AdmissionType = Enum.TryParse<AdmissionType>(admission, true, out var a) && !int.TryParse(admission, out _) ? a : null,
            MentorEmployeeId = Get("mentor_employee_id"), EmployeeId = Get("employee_id"), Designation = Get("designation"),
        };
        if (admission is not null && user.AdmissionType is null)
        {
            errors.Add(new UserError(UsersErrorCodes.AdmissionTypeInvalid, $"'{admission}' is not regular, lateral or transfer.", PathOf("admissionType")));
        }

        return user;
    }

    private static UserKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "student" => UserKind.Student,
        "mentor" => UserKind.Mentor,
        "club_organizer" => UserKind.ClubOrganizer,
        "admin" => UserKind.Admin,
        _ => null,
    };

    /// <summary>The CSV column of a <see cref="NewUserRules"/> field name (<c>firstName</c> → <c>first_name</c>).</summary>
    private static string ColumnOf(string field) => string.Concat(field.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
