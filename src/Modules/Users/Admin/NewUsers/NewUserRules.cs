using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Users.Admin.NewUsers;

/// <summary>
/// The rules of one new user that need no database: required fields, formats, lengths, role
/// profile fields. Every broken rule is added to the list (nothing stops at the first).
/// </summary>
internal static class NewUserRules
{
    public static void Check(NewUser user, UserFormatOptions formats, List<UserError> errors)
    {
        Required(user, "username", user.Username, 150, errors);
        Required(user, "firstName", user.FirstName, 150, errors);
        Required(user, "lastName", user.LastName, 150, errors);
        if (Required(user, "email", user.Email, 254, errors) && !formats.IsEmail(user.Email))
        {
            errors.Add(new UserError("EMAIL_INVALID", $"'{user.Email}' is not an email address the institution accepts.", user.Path("email")));
        }

        if (user.Kind is null)
        {
            errors.Add(new UserError("USER_TYPE_INVALID", "The user type must be student, mentor, club_organizer or admin.", user.Path("userType")));
            return;
        }

        if (user.Kind == UserKind.Student)
        {
            if (Required(user, "usn", user.Usn, 20, errors) && !formats.IsUsn(user.Usn))
            {
                errors.Add(new UserError("USN_INVALID", $"'{user.Usn}' is not a valid USN.", user.Path("usn")));
            }

            Required(user, "department", user.Department, 100, errors);
            if (user.Semester is not (>= 1 and <= 8))
            {
                errors.Add(new UserError("SEMESTER_INVALID", "The semester must be a whole number from 1 to 8.", user.Path("semester")));
            }
        }
        else if (user.Kind == UserKind.Mentor)
        {
            Required(user, "employeeId", user.EmployeeId, 20, errors);
            Required(user, "department", user.Department, 100, errors);
            if (user.Designation?.Length > 100)
            {
                errors.Add(new UserError("TOO_LONG", "The designation is longer than 100 characters.", user.Path("designation")));
            }
        }
    }

    private static bool Required(NewUser user, string field, string? value, int maxLength, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new UserError("REQUIRED", $"'{field}' is required.", user.Path(field)));
            return false;
        }

        if (value.Trim().Length > maxLength)
        {
            errors.Add(new UserError("TOO_LONG", $"'{field}' is longer than {maxLength} characters.", user.Path(field)));
            return false;
        }

        return true;
    }
}
