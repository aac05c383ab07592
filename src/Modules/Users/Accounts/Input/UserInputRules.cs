using CertifyTrack.Shared.GraphQL.Mutations;
using static CertifyTrack.Modules.Users.UsersErrorCodes;

namespace CertifyTrack.Modules.Users.Accounts.Input;

/// <summary>
/// The rules of the fields of a user and their profile, with one code each, shared by every path that
/// writes them: <c>registerStudent</c>, <c>createUser</c>, <c>importUsers</c>, the demo seeder and
/// <c>updateMyProfile</c> (docs/email-and-accounts.md, "Input rules"). Each check adds its errors to the
/// list and returns the value in the form it is stored in (null when absent or refused).
/// </summary>
internal static class UserInputRules
{

    public static string? Username(string? value, string[] path, List<UserError> errors)
    {
        if (!Present(value, path, errors))
        {
            return null;
        }

        var username = Usernames.Canonical(value!);
        if (!Usernames.IsValid(username))
        {
            errors.Add(new(UsernameInvalid, Usernames.Rule, path));
            return null;
        }

        return username;
    }

    /// <summary>A person's name (<see cref="PersonNames"/>); <paramref name="required"/> false lets an absent one pass as null.</summary>
    public static string? Name(string? value, int maxLength, string[] path, List<UserError> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value) && !required)
        {
            return null;
        }

        if (!Present(value, path, errors))
        {
            return null;
        }

        var name = PersonNames.Canonical(value!);
        if (!PersonNames.IsClean(name))
        {
            errors.Add(new(NameInvalid, PersonNames.Rule, path));
            return null;
        }

        return Fits(name, maxLength, path, errors) ? name : null;
    }

    /// <summary>Plain text: present (when required) and at most <paramref name="maxLength"/> characters, trimmed.</summary>
    public static string? Text(string? value, int maxLength, string[] path, List<UserError> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(MissingError(path));
            }

            return null;
        }

        var text = value.Trim();
        return Fits(text, maxLength, path, errors) ? text : null;
    }

    public static string? Email(string? value, UserFormatOptions formats, string[] path, List<UserError> errors)
    {
        if (!Present(value, path, errors))
        {
            return null;
        }

        if (!formats.IsEmail(value))
        {
            errors.Add(new(EmailInvalid, $"'{value!.Trim()}' is not an email address the institution accepts.", path));
            return null;
        }

        return value!.Trim();
    }

    public static string? Usn(string? value, UserFormatOptions formats, string[] path, List<UserError> errors)
    {
        if (!Present(value, path, errors))
        {
            return null;
        }

        if (!formats.IsUsn(value))
        {
            errors.Add(new(UsnInvalid, $"'{value!.Trim()}' is not a USN in the institution's format.", path));
            return null;
        }

        return value!.Trim().ToUpperInvariant();
    }

    public static void Semester(int? value, string[] path, List<UserError> errors)
    {
        if (value is not (>= 1 and <= 8))
        {
            errors.Add(new(SemesterInvalid, "The semester is a whole number from 1 to 8.", path));
        }
    }

    private static bool Present(string? value, string[] path, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(MissingError(path));
            return false;
        }

        return true;
    }

    private static UserError MissingError(string[] path) => new(Required, $"'{path[^1]}' is required.", path);

    private static bool Fits(string value, int maxLength, string[] path, List<UserError> errors)
    {
        if (value.Length > maxLength)
        {
            errors.Add(new(TooLong, $"'{path[^1]}' is longer than {maxLength} characters.", path));
            return false;
        }

        return true;
    }
}
