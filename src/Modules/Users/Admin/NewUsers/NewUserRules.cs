using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Accounts.Input;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Users.Admin.NewUsers;

/// <summary>
/// The rules of one new user that need no database: required fields, formats, lengths, role
/// profile fields — the same rules and codes as registration (<see cref="UserInputRules"/>). Every
/// broken rule is added to the list (nothing stops at the first).
/// </summary>
internal static class NewUserRules
{
    public static void Check(NewUser user, UserFormatOptions formats, List<UserError> errors)
    {
        UserInputRules.Username(user.Username, user.Path("username"), errors);
        UserInputRules.Name(user.FirstName, 150, user.Path("firstName"), errors);
        UserInputRules.Name(user.LastName, 150, user.Path("lastName"), errors);
        UserInputRules.Email(user.Email, formats, user.Path("email"), errors);
        if (user.Kind is null)
        {
            errors.Add(new UserError(UsersErrorCodes.UserTypeInvalid, "The user type must be student, mentor, club_organizer or admin.", user.Path("userType")));
            return;
        }

        if (user.Kind == UserKind.Student)
        {
            UserInputRules.Usn(user.Usn, formats, user.Path("usn"), errors);
            UserInputRules.Text(user.Department, 100, user.Path("department"), errors);
            UserInputRules.Semester(user.Semester, user.Path("semester"), errors);
        }
        else if (user.Kind == UserKind.Mentor)
        {
            UserInputRules.Text(user.EmployeeId, 20, user.Path("employeeId"), errors);
            UserInputRules.Text(user.Department, 100, user.Path("department"), errors);
            UserInputRules.Text(user.Designation, 100, user.Path("designation"), errors, required: false);
        }
    }
}
