using CertifyTrack.Shared.GraphQL.Authorization;
using System.Linq.Expressions;
using System.Security.Claims;
using CertifyTrack.Modules.Users.Audit;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Users.GraphQL;

/// <summary>
/// Who may load the Users module's objects (docs/graphql-conventions.md, "Object-level authorization").
/// Admins load everything. Otherwise the mentor–mentee link decides, read from the tables (not from
/// the caller's role claim): a student's profile and account are seen by the student and by their
/// own mentor; a mentor's profile and account by the mentor and by their own mentees, so that a
/// student knows who their mentor is. Nobody else sees another user. Fields that even these may not
/// read (<c>lastLogin</c>, <c>isActive</c>, <c>isEmailVerified</c>) are refused on the field (<c>UserType</c>).
/// </summary>
internal static class UserPolicies
{
    public static readonly NodePolicy<UsersDbContext, UserNode> Users = new(
        "the user themselves, the mentor of a student, the mentees of a mentor, admins", UsersVisibleTo);

    public static readonly NodePolicy<UsersDbContext, StudentNode> Students = new(
        "the student themselves, the student's own mentor, admins", StudentsVisibleTo);

    public static readonly NodePolicy<UsersDbContext, MentorNode> Mentors = new(
        "the mentor themselves, the mentor's own mentees, admins", MentorsVisibleTo);

    public static readonly NodePolicy<UsersDbContext, AuditLogEntry> AuditLog = new(
        "admins", (caller, _) => Caller.Of(caller).IsAdmin ? a => true : a => false);

    public static readonly NodePolicy<UsersDbContext, Notification> Notifications = new(
        "the recipient", (caller, _) => Caller.Of(caller).UserId is { } me ? n => n.UserId == me : n => false);

    private static Expression<Func<UserNode, bool>> UsersVisibleTo(ClaimsPrincipal caller, UsersDbContext db)
    {
        if (Caller.Of(caller).IsAdmin)
        {
            return u => true;
        }

        if (Caller.Of(caller).UserId is not { } me)
        {
            return u => false;
        }

        return u => u.Id == me
            || db.Students.Any(s => s.UserId == u.Id && db.Mentors.Any(m => m.Id == s.MentorId && m.UserId == me))
            || db.Students.Any(s => s.UserId == me && db.Mentors.Any(m => m.Id == s.MentorId && m.UserId == u.Id));
    }

    private static Expression<Func<StudentNode, bool>> StudentsVisibleTo(ClaimsPrincipal caller, UsersDbContext db)
    {
        if (Caller.Of(caller).IsAdmin)
        {
            return s => true;
        }

        if (Caller.Of(caller).UserId is not { } me)
        {
            return s => false;
        }

        return s => s.UserId == me || db.Mentors.Any(m => m.Id == s.MentorId && m.UserId == me);
    }

    private static Expression<Func<MentorNode, bool>> MentorsVisibleTo(ClaimsPrincipal caller, UsersDbContext db)
    {
        if (Caller.Of(caller).IsAdmin)
        {
            return m => true;
        }

        if (Caller.Of(caller).UserId is not { } me)
        {
            return m => false;
        }

        return m => m.UserId == me || db.Students.Any(s => s.UserId == me && s.MentorId == m.Id);
    }
}
