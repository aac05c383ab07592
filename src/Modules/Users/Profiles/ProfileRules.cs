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
    /// <summary>Refreshes the completion of whichever profiles the user has.</summary>
    public static void Refresh(User user, Student? student, Mentor? mentor, DateTime now, UserFormatOptions formats)
    {
        if (student is not null)
        {
            Refresh(user, student, now, formats);
        }

        if (mentor is not null)
        {
            Refresh(user, mentor, now, formats);
        }
    }

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

    /// <summary>
    /// Fields the caller's role may not change are refused (<c>NOT_ALLOWED</c> naming each): admins change them
    /// through the admin tools. A caller without a profile of a kind may change none of its fields.
    /// </summary>
    public static void RefuseLockedFields(UpdateMyProfileInput input, bool isStudent, bool isMentor)
    {
        var errors = new List<UserError>();
        void Refuse(object? value, string field, string role)
        {
            if (value is not null)
            {
                errors.Add(new(UsersErrorCodes.NotAllowed, $"A {role} cannot change {field}; ask an administrator.", ["input", field]));
            }
        }

        if (isStudent)
        {
            Refuse(input.Usn, "usn", "student");
            Refuse(input.Department, "department", "student");
            Refuse(input.Semester, "semester", "student");
            Refuse(input.AdmissionType, "admissionType", "student");
        }
        else
        {
            Refuse(input.Usn, "usn", isMentor ? "mentor" : "user without a student profile");
            Refuse(input.Semester, "semester", isMentor ? "mentor" : "user without a student profile");
            Refuse(input.AdmissionType, "admissionType", isMentor ? "mentor" : "user without a student profile");
        }

        if (isMentor)
        {
            Refuse(input.EmployeeId, "employeeId", "mentor");
            Refuse(input.Department, "department", "mentor");
        }
        else
        {
            Refuse(input.EmployeeId, "employeeId", isStudent ? "student" : "user without a mentor profile");
            Refuse(input.Designation, "designation", isStudent ? "student" : "user without a mentor profile");
            Refuse(input.Qualifications, "qualifications", isStudent ? "student" : "user without a mentor profile");
            Refuse(input.Bio, "bio", isStudent ? "student" : "user without a mentor profile");
        }

        if (!isStudent)
        {
            Refuse(input.EmergencyContactName, "emergencyContactName", isMentor ? "mentor" : "user without a student profile");
            Refuse(input.EmergencyContactPhone, "emergencyContactPhone", isMentor ? "mentor" : "user without a student profile");
        }

        if (!isStudent && !isMentor)
        {
            Refuse(input.Department, "department", "user without a profile");
            Refuse(input.PhoneNumber, "phoneNumber", "user without a profile");
            Refuse(input.DateOfBirth, "dateOfBirth", "user without a profile");
            Refuse(input.Address, "address", "user without a profile");
        }

        errors.ThrowIfAny();
    }
}
