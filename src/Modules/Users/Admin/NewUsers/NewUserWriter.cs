using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Accounts.Input;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;

namespace CertifyTrack.Modules.Users.Admin.NewUsers;

/// <summary>
/// Inserts checked <see cref="NewUser"/>s with their profiles, in batches: all users, then the
/// mentor profiles, then the student profiles (whose mentor may be one of the new mentors) — three
/// <c>SaveChanges</c> whatever the count. Users are pre-verified and get no usable password
/// (<see cref="UnusablePassword"/>): they set one through their invitation, so nothing is hashed.
/// </summary>
internal static class NewUserWriter
{
    public static async Task<List<User>> WriteAsync(UsersDbContext db, IReadOnlyList<NewUser> specs, DateTime now, CancellationToken cancellationToken)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var users = specs.Select(s => ToUser(s, now)).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync(cancellationToken);

            var mentors = new Dictionary<string, long>(StringComparer.Ordinal);
            var mentorRows = specs.Select((s, i) => (s, i)).Where(x => x.s.Kind == UserKind.Mentor)
                .Select(x => new Mentor
                {
                    UserId = users[x.i].Id,
                    EmployeeId = x.s.NormalizedEmployeeId,
                    Department = x.s.Department!.Trim(),
                    Designation = x.s.Designation?.Trim() ?? "",
                }).ToList();
            if (mentorRows.Count > 0)
            {
                db.Mentors.AddRange(mentorRows);
                await db.SaveChangesAsync(cancellationToken);
                mentorRows.ForEach(m => mentors[m.EmployeeId] = m.Id);
            }

            var students = specs.Select((s, i) => (s, i)).Where(x => x.s.Kind == UserKind.Student)
                .Select(x => ToStudent(x.s, users[x.i].Id, mentors)).ToList();
            if (students.Count > 0)
            {
                db.Students.AddRange(students);
                await db.SaveChangesAsync(cancellationToken);
            }

            return users;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static User ToUser(NewUser spec, DateTime now)
    {
        var user = new User
        {
            FirstName = PersonNames.Canonical(spec.FirstName!),
            LastName = PersonNames.Canonical(spec.LastName!),
            UserType = spec.Kind!.Value,
            IsEmailVerified = true,
            IsActive = true,
            IsStaff = spec.Kind == UserKind.Admin,
            DateJoined = now,
            Password = UnusablePassword.Marker,
        };
        user.SetUsername(spec.Username!);
        user.SetEmail(spec.Email!);
        return user;
    }

    private static Student ToStudent(NewUser spec, long userId, Dictionary<string, long> newMentors)
    {
        var student = new Student
        {
            UserId = userId,
            Department = spec.Department!.Trim(),
            Semester = spec.Semester!.Value,
            AdmissionType = spec.AdmissionType ?? AdmissionType.Regular,
            MentorId = spec.MentorId
                ?? (spec.MentorEmployeeId is { } e && newMentors.TryGetValue(e.Trim(), out var id) ? id : null),
        };
        student.SetUsn(spec.Usn!);
        return student;
    }
}
