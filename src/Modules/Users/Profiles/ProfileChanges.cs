using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>Applies an <see cref="UpdateMyProfileInput"/> and describes the change for the audit log.</summary>
internal static class ProfileChanges
{
    public static void Apply(UpdateMyProfileInput input, User user, Student? student, Mentor? mentor)
    {
        var errors = new List<UserError>();
        user.FirstName = Required(input.FirstName, user.FirstName, 150, "firstName", errors);
        user.LastName = Required(input.LastName, user.LastName, 150, "lastName", errors);
        if (student is not null)
        {
            student.PhoneNumber = Optional(input.PhoneNumber, student.PhoneNumber, 20, "phoneNumber", errors);
            student.DateOfBirth = input.DateOfBirth ?? student.DateOfBirth;
            student.Address = Optional(input.Address, student.Address, 1000, "address", errors);
            student.EmergencyContactName = Optional(input.EmergencyContactName, student.EmergencyContactName, 100, "emergencyContactName", errors);
            student.EmergencyContactPhone = Optional(input.EmergencyContactPhone, student.EmergencyContactPhone, 20, "emergencyContactPhone", errors);
        }

        if (mentor is not null)
        {
            mentor.PhoneNumber = Optional(input.PhoneNumber, mentor.PhoneNumber, 20, "phoneNumber", errors);
            mentor.DateOfBirth = input.DateOfBirth ?? mentor.DateOfBirth;
            mentor.Address = Optional(input.Address, mentor.Address, 1000, "address", errors);
            mentor.Designation = Required(input.Designation, mentor.Designation, 100, "designation", errors);
            mentor.Qualifications = Optional(input.Qualifications, mentor.Qualifications, 1000, "qualifications", errors);
            mentor.Bio = Optional(input.Bio, mentor.Bio, 2000, "bio", errors);
        }

        errors.ThrowIfAny();
    }

    public static Dictionary<string, object?> Snapshot(User user, Student? student, Mentor? mentor) => new()
    {
        ["firstName"] = user.FirstName,
        ["lastName"] = user.LastName,
        ["phoneNumber"] = student?.PhoneNumber ?? mentor?.PhoneNumber,
        ["dateOfBirth"] = student?.DateOfBirth ?? mentor?.DateOfBirth,
        ["address"] = student?.Address ?? mentor?.Address,
        ["emergencyContactName"] = student?.EmergencyContactName,
        ["emergencyContactPhone"] = student?.EmergencyContactPhone,
        ["designation"] = mentor?.Designation,
        ["qualifications"] = mentor?.Qualifications,
        ["bio"] = mentor?.Bio,
        ["profileCompleted"] = student?.ProfileCompleted ?? mentor?.ProfileCompleted,
    };

    public static (Dictionary<string, object?> Old, Dictionary<string, object?> New) Diff(
        Dictionary<string, object?> before, Dictionary<string, object?> after)
    {
        var changed = after.Keys.Where(k => !Equals(before[k], after[k])).ToList();
        return (changed.ToDictionary(k => k, k => before[k]), changed.ToDictionary(k => k, k => after[k]));
    }

    private static string Required(string? value, string current, int max, string field, List<UserError> errors)
    {
        if (value is null)
        {
            return current;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors.Add(new("INVALID_VALUE", $"{field} cannot be empty or longer than {max} characters.", ["input", field]));
            return current;
        }

        return value.Trim();
    }

    private static string? Optional(string? value, string? current, int max, string field, List<UserError> errors)
    {
        if (value is null)
        {
            return current;
        }

        if (value.Trim().Length > max)
        {
            errors.Add(new("INVALID_VALUE", $"{field} is longer than {max} characters.", ["input", field]));
            return current;
        }

        return value.Trim().Length == 0 ? null : value.Trim();
    }
}
