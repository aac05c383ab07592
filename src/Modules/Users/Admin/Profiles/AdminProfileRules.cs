using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Accounts.Input;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Admin.Profiles;

/// <summary>
/// The rules of <see cref="UpdateUserProfile"/>: each field applies to its role only (<c>NOT_ALLOWED</c>
/// naming it otherwise), values are checked as when users are created (<see cref="UserInputRules"/>), and a
/// USN or employee id another profile holds is <c>USN_TAKEN</c> / <c>EMPLOYEE_ID_TAKEN</c>. Every broken
/// rule is reported, not only the first.
/// </summary>
internal static class AdminProfileRules
{
    public static async Task ApplyAsync(UsersDbContext db, UpdateUserProfileInput input, Student? student, Mentor? mentor, UserFormatOptions formats, CancellationToken ct)
    {
        var errors = new List<UserError>();
        void Refuse(object? value, string field, string role)
        {
            if (value is not null)
            {
                errors.Add(new(UsersErrorCodes.NotAllowed, $"'{field}' is a field of {role}; this user has no such profile.", ["input", field]));
            }
        }

        if (student is null)
        {
            Refuse(input.Usn, "usn", "students");
            Refuse(input.Semester, "semester", "students");
            Refuse(input.AdmissionType, "admissionType", "students");
        }

        if (mentor is null)
        {
            Refuse(input.EmployeeId, "employeeId", "mentors");
        }

        if (student is null && mentor is null)
        {
            Refuse(input.Department, "department", "students and mentors");
        }

        var usn = input.Usn is null || student is null ? null : UserInputRules.Usn(input.Usn, formats, ["input", "usn"], errors);
        var employeeId = input.EmployeeId is null || mentor is null ? null : UserInputRules.Text(input.EmployeeId, 20, ["input", "employeeId"], errors);
        var department = input.Department is null ? null : UserInputRules.Text(input.Department, 100, ["input", "department"], errors);
        if (input.Semester is not null && student is not null)
        {
            UserInputRules.Semester(input.Semester, ["input", "semester"], errors);
        }

        if (usn is not null && await db.Students.AnyAsync(s => s.Usn == usn && s.Id != student!.Id, ct))
        {
            errors.Add(UsnTaken(usn));
        }

        if (employeeId is not null && await db.Mentors.AnyAsync(m => m.EmployeeId == employeeId && m.Id != mentor!.Id, ct))
        {
            errors.Add(EmployeeIdTaken(employeeId));
        }

        errors.ThrowIfAny();
        if (student is not null)
        {
            if (usn is not null)
            {
                student.SetUsn(usn);
            }

            student.Department = department ?? student.Department;
            student.Semester = input.Semester ?? student.Semester;
            student.AdmissionType = input.AdmissionType ?? student.AdmissionType;
        }

        if (mentor is not null)
        {
            mentor.EmployeeId = employeeId ?? mentor.EmployeeId;
            mentor.Department = department ?? mentor.Department;
        }
    }

    public static Dictionary<string, object?> Snapshot(Student? student, Mentor? mentor) => new()
    {
        ["usn"] = student?.Usn,
        ["department"] = student?.Department ?? mentor?.Department,
        ["semester"] = student?.Semester,
        ["admissionType"] = student?.AdmissionType.ToString(),
        ["employeeId"] = mentor?.EmployeeId,
        ["profileCompleted"] = student?.ProfileCompleted ?? mentor?.ProfileCompleted,
    };

    public static UserError UsnTaken(string? usn) => new(UsersErrorCodes.UsnTaken, $"The USN '{usn?.Trim().ToUpperInvariant()}' is taken.", ["input", "usn"]);

    public static UserError EmployeeIdTaken(string? employeeId) => new(UsersErrorCodes.EmployeeIdTaken, $"The employee id '{employeeId?.Trim()}' is taken.", ["input", "employeeId"]);
}
