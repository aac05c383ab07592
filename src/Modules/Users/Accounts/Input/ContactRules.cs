using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Users.Accounts.Input;

/// <summary>
/// The profile's phone numbers and date of birth, checked against the institution's formats
/// (<see cref="UserFormatOptions"/>) with the codes of <see cref="UserInputRules"/>.
/// </summary>
internal static class ContactRules
{
    /// <summary>A phone number, stored without its separators (<see cref="UserFormatOptions.CompactPhone"/>).</summary>
    public static string? Phone(string value, UserFormatOptions formats, string[] path, List<UserError> errors)
    {
        var compact = formats.CompactPhone(value);
        if (compact is null)
        {
            errors.Add(new(UsersErrorCodes.PhoneInvalid, "This phone number is not in a format the institution accepts, e.g. +91 98450 00000.", path));
        }

        return compact;
    }

    public static void DateOfBirth(DateOnly value, DateOnly today, UserFormatOptions formats, string[] path, List<UserError> errors)
    {
        if (!formats.IsPlausibleBirthDate(value, today))
        {
            errors.Add(new(UsersErrorCodes.DateOfBirthInvalid,
                $"The date of birth must be in the past, for an age from {formats.MinAgeYears} to {formats.MaxAgeYears} years.", path));
        }
    }
}
