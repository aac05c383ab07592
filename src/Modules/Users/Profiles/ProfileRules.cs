using CertifyTrack.Modules.Users.Accounts;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>
/// <c>profile_completed</c>, computed from the required fields of the role; never written by a client.
/// A student needs names, USN, department, semester, phone, date of birth and an emergency contact;
/// a mentor names, employee id, department, designation, phone and qualifications. A phone number
/// counts only in a format the institution accepts and a date of birth only when plausible
/// (<see cref="UserFormatOptions"/>), so a value written before those rules does not complete a profile.
/// </summary>
internal static class ProfileRules
{
    public static void Refresh(User user, Student student, DateTime now, UserFormatOptions formats)
    {
        var complete = Filled(user.FirstName, user.LastName, student.Usn, student.Department, student.EmergencyContactName)
            && formats.CompactPhone(student.PhoneNumber) is not null
            && formats.CompactPhone(student.EmergencyContactPhone) is not null
            && student.DateOfBirth is { } born && formats.IsPlausibleBirthDate(born, DateOnly.FromDateTime(now));
        student.ProfileCompletedAt = complete ? student.ProfileCompletedAt ?? now : null;
        student.ProfileCompleted = complete;
    }

    public static void Refresh(User user, Mentor mentor, DateTime now, UserFormatOptions formats)
    {
        var complete = Filled(user.FirstName, user.LastName, mentor.EmployeeId, mentor.Department, mentor.Designation, mentor.Qualifications)
            && formats.CompactPhone(mentor.PhoneNumber) is not null;
        mentor.ProfileCompletedAt = complete ? mentor.ProfileCompletedAt ?? now : null;
        mentor.ProfileCompleted = complete;
    }

    private static bool Filled(params string?[] values) => values.All(v => !string.IsNullOrWhiteSpace(v));
}
