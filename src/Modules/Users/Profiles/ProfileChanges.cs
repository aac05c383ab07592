using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Accounts.Input;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>
/// Applies an <see cref="UpdateMyProfileInput"/> under the field rules every path shares
/// (<see cref="UserInputRules"/>): names, phone numbers and the date of birth are checked and stored
/// normalised; null leaves a field as it is, an empty string clears an optional one. Rows written
/// before these rules keep their values until the field is written again.
/// </summary>
internal static class ProfileChanges
{
    public static void Apply(UpdateMyProfileInput input, User user, Student? student, Mentor? mentor, UserFormatOptions formats, DateOnly today)
    {
        var errors = new List<UserError>();
        user.FirstName = input.FirstName is null ? user.FirstName : UserInputRules.Name(input.FirstName, 150, ["input", "firstName"], errors) ?? user.FirstName;
        user.LastName = input.LastName is null ? user.LastName : UserInputRules.Name(input.LastName, 150, ["input", "lastName"], errors) ?? user.LastName;
        var phone = Phone(input.PhoneNumber, "phoneNumber", formats, errors);
        var dateOfBirth = DateOfBirth(input.DateOfBirth, formats, today, errors);
        var address = Optional(input.Address, 1000, "address", errors);
        if (student is not null)
        {
            student.PhoneNumber = phone.Apply(student.PhoneNumber);
            student.DateOfBirth = dateOfBirth ?? student.DateOfBirth;
            student.Address = address.Apply(student.Address);
            student.EmergencyContactName = input.EmergencyContactName is null ? student.EmergencyContactName
                : UserInputRules.Name(input.EmergencyContactName, 100, ["input", "emergencyContactName"], errors, required: false);
            student.EmergencyContactPhone = Phone(input.EmergencyContactPhone, "emergencyContactPhone", formats, errors).Apply(student.EmergencyContactPhone);
        }

        if (mentor is not null)
        {
            mentor.PhoneNumber = phone.Apply(mentor.PhoneNumber);
            mentor.DateOfBirth = dateOfBirth ?? mentor.DateOfBirth;
            mentor.Address = address.Apply(mentor.Address);
            mentor.Designation = input.Designation is null ? mentor.Designation : UserInputRules.Text(input.Designation, 100, ["input", "designation"], errors) ?? mentor.Designation;
            mentor.Qualifications = Optional(input.Qualifications, 1000, "qualifications", errors).Apply(mentor.Qualifications);
            mentor.Bio = Optional(input.Bio, 2000, "bio", errors).Apply(mentor.Bio);
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

    private static Change Phone(string? value, string field, UserFormatOptions formats, List<UserError> errors) =>
        string.IsNullOrWhiteSpace(value) ? new(value is not null, null) : new(true, ContactRules.Phone(value, formats, ["input", field], errors));

    private static DateOnly? DateOfBirth(DateOnly? value, UserFormatOptions formats, DateOnly today, List<UserError> errors)
    {
        if (value is { } date)
        {
            ContactRules.DateOfBirth(date, today, formats, ["input", "dateOfBirth"], errors);
        }

        return value;
    }

    private static Change Optional(string? value, int maxLength, string field, List<UserError> errors) =>
        value is null ? new(false, null) : new(true, UserInputRules.Text(value, maxLength, ["input", field], errors, required: false));

    /// <summary>Whether the input names the field, and its new value (null clears it).</summary>
    private readonly record struct Change(bool Given, string? Value)
    {
        public string? Apply(string? current) => Given ? Value : current;
    }
}
