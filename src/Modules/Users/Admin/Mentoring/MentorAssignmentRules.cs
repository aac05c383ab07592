using System.Globalization;

namespace CertifyTrack.Modules.Users.Admin.Mentoring;

/// <summary>The rules of one <c>assignMentor</c> call that need no database.</summary>
internal static class MentorAssignmentRules
{
    public const int MaxStudents = 500;

    public static void CheckCount(int students)
    {
        if (students == 0)
        {
            throw new UserErrorException(UsersErrorCodes.StudentsRequired, "Name at least one student.", "input", "studentIds");
        }

        if (students > MaxStudents)
        {
            throw new UserErrorException(UsersErrorCodes.TooManyStudents, $"At most {MaxStudents} students per call; {students} were given.", "input", "studentIds");
        }
    }

    /// <summary>Every requested id that names no student, at its index in the input.</summary>
    public static void CheckAllFound(IReadOnlyList<long> requested, IReadOnlyCollection<long> found) =>
        requested.Select((id, i) => (id, i)).Where(x => !found.Contains(x.id))
            .Select(x => new UserError(UsersErrorCodes.StudentNotFound, "No student has this id.", ["input", "studentIds", x.i.ToString(CultureInfo.InvariantCulture)]))
            .ToList().ThrowIfAny();
}
