using System.Linq.Expressions;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.GraphQL.DataLoaders;

namespace CertifyTrack.Modules.Users.GraphQL;

/// <summary>
/// The projections of the Users rows to the public node records, and the mentor–mentee link the
/// field rules read. Nodes themselves are loaded only through <see cref="UserNodes"/> (their policies).
/// </summary>
internal static class UserLoaders
{
    public static readonly Expression<Func<User, UserNode>> ToUserNode = u => new UserNode
    {
        Id = u.Id,
        Username = u.Username,
        Email = u.Email,
        FirstName = u.FirstName,
        LastName = u.LastName,
        UserType = u.UserType,
        IsEmailVerified = u.IsEmailVerified,
        IsActive = u.IsActive,
        DateJoined = u.DateJoined,
        LastLogin = u.LastLogin,
    };

    public static readonly Expression<Func<Student, StudentNode>> ToStudentNode = s => new StudentNode
    {
        Id = s.Id,
        UserId = s.UserId,
        Usn = s.Usn,
        Department = s.Department,
        Semester = s.Semester,
        AdmissionType = s.AdmissionType,
        MentorId = s.MentorId,
        ProfileCompleted = s.ProfileCompleted,
    };

    public static readonly Expression<Func<Mentor, MentorNode>> ToMentorNode = m => new MentorNode
    {
        Id = m.Id,
        UserId = m.UserId,
        EmployeeId = m.EmployeeId,
        Department = m.Department,
        Designation = m.Designation,
    };

    /// <summary>A student user's id → their mentor's user id (who may read the student's private fields).</summary>
    public static readonly BatchLoader<UsersDbContext, long, MenteeLink> MentorOfStudentUser = new(
        db => db.Students.Where(s => s.MentorId != null)
            .Join(db.Mentors, s => s.MentorId, m => m.Id, (s, m) => new MenteeLink { StudentUserId = s.UserId, MentorUserId = m.UserId }),
        l => l.StudentUserId);
}

internal sealed class MenteeLink
{
    public long StudentUserId { get; init; }

    public long MentorUserId { get; init; }
}
