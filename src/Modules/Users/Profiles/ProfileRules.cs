using CertifyTrack.Modules.Users.Accounts;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>
/// <c>profile_completed</c>, computed from the required fields of the role; never written by a client.
/// A student needs names, USN, department, semester, phone, date of birth and an emergency contact;
/// a mentor names, employee id, department, designation, phone and qualifications.
/// </summary>
internal static class ProfileRules
{
    public static void Refresh(User user, Student student, DateTime now)
    {
        var complete = Filled(user.FirstName, user.LastName, student.Usn, student.Department, student.PhoneNumber,
            student.EmergencyContactName, student.EmergencyContactPhone) && student.DateOfBirth is not null;
        student.ProfileCompletedAt = complete ? student.ProfileCompletedAt ?? now : null;
        student.ProfileCompleted = complete;
    }

    public static void Refresh(User user, Mentor mentor, DateTime now)
    {
        var complete = Filled(user.FirstName, user.LastName, mentor.EmployeeId, mentor.Department, mentor.Designation,
            mentor.PhoneNumber, mentor.Qualifications);
        mentor.ProfileCompletedAt = complete ? mentor.ProfileCompletedAt ?? now : null;
        mentor.ProfileCompleted = complete;
    }

    private static bool Filled(params string?[] values) => values.All(v => !string.IsNullOrWhiteSpace(v));
}
