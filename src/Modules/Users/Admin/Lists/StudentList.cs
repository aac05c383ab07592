using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Lists;
using GraphQL;
using GraphQL.Types;

// These queries run in SQL: string.ToLower() becomes lower() (Unicode-aware on SQLite too, see
// SqliteUnicodeCase) and Contains a substring test; culture overloads do not translate.
#pragma warning disable CA1304, CA1311, CA1862

namespace CertifyTrack.Modules.Users.Admin.Lists;

/// <summary>
/// <c>students(where, order, search, isActive, isEmailVerified)</c>: admins see every student, a
/// mentor only their own mentees (the Student node policy, <see cref="UserNodes.Students"/>), students
/// are refused (<c>FORBIDDEN</c>). <c>search</c> matches the USN, username, names or email.
/// <c>isActive</c>/<c>isEmailVerified</c> filter on account state, which only admins may read: a mentor
/// using them is refused rather than shown whose account is disabled.
/// </summary>
internal static class StudentList
{
    public static void Declare(ObjectGraphType query) =>
        query.Connection<StudentType, StudentNode>("students").Filter<StudentFilter>().Sort<StudentSort>()
            .Resolve<UsersDbContext>((context, db) => Rows(context, db), s => s.Id)
            .Argument<StringGraphType>("search", "Text in the USN, username, a name or the email, ignoring case.")
            .Argument<BooleanGraphType>("isActive", "Only students whose account is (not) active.")
            .Argument<BooleanGraphType>("isEmailVerified", "Only students whose email is (not) verified.")
            .Description("Students: all of them for admins, their mentees for mentors.")
            .AuthorizeWithRoles(Roles.Admin, Roles.Mentor);

    private static IQueryable<StudentNode> Rows(IResolveFieldContext context, UsersDbContext db)
    {
        IQueryable<Student> students = db.Students;
        if (!Caller.Of(context.User).IsAdmin && (context.GetArgument<bool?>("isActive") is not null || context.GetArgument<bool?>("isEmailVerified") is not null))
        {
            throw new ExecutionError("Only admins may filter students by account state ('isActive', 'isEmailVerified').") { Code = PlatformErrorCodes.Forbidden };
        }

        if (UserList.Text(context.GetArgument<string?>("search")) is { } text)
        {
            var usn = text.ToUpperInvariant();
            students = students.Where(s => s.Usn.Contains(usn) || db.Users.Any(u => u.Id == s.UserId
                && (u.Username.ToLower().Contains(text) || u.FirstName.ToLower().Contains(text)
                    || u.LastName.ToLower().Contains(text) || u.Email.ToLower().Contains(text))));
        }

        if (context.GetArgument<bool?>("isActive") is { } active)
        {
            students = students.Where(s => db.Users.Any(u => u.Id == s.UserId && u.IsActive == active));
        }

        if (context.GetArgument<bool?>("isEmailVerified") is { } verified)
        {
            students = students.Where(s => db.Users.Any(u => u.Id == s.UserId && u.IsEmailVerified == verified));
        }

        return UserNodes.Students.Restrict(students.Select(UserLoaders.ToStudentNode), context, db);
    }
}

internal sealed class StudentFilter : FilterInputType<StudentNode>
{
    public StudentFilter()
    {
        Field("usn", s => s.Usn);
        Field("department", s => s.Department);
        Field("semester", s => s.Semester);
        Field("admissionType", s => s.AdmissionType, typeof(AdmissionTypeType));
        Field("profileCompleted", s => s.ProfileCompleted);
    }
}

internal sealed class StudentSort : SortInputType<StudentNode>
{
    public StudentSort()
    {
        Field("usn", s => s.Usn);
        Field("department", s => s.Department);
        Field("semester", s => s.Semester);
        DefaultOrder("usn", SortDirection.Asc);
    }
}
