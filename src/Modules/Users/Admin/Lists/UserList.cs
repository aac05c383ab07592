using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Lists;
using GraphQL;
using GraphQL.Types;

// These queries run in SQL: string.ToLower() becomes lower() (Unicode-aware on SQLite too, see
// SqliteUnicodeCase) and Contains a substring test; culture overloads do not translate.
#pragma warning disable CA1304, CA1311, CA1862

namespace CertifyTrack.Modules.Users.Admin.Lists;

/// <summary>
/// <c>users(where, order, search, department, semester)</c>, admins only. <c>search</c> matches
/// username, first or last name, email or a student's USN (contains, ignoring case);
/// <c>department</c> a student's or a mentor's department; <c>semester</c> a student's.
/// </summary>
internal static class UserList
{
    public static void Declare(ObjectGraphType query) =>
        query.Connection<UserType, UserNode>("users").Filter<UserFilter>().Sort<UserSort>()
            .Resolve<UsersDbContext>((context, db) => Rows(context, db), u => u.Id)
            .Argument<StringGraphType>("search", "Text in the username, a name, the email or the USN, ignoring case.")
            .Argument<StringGraphType>("department", "The student's or mentor's department (exact, ignoring case).")
            .Argument<IntGraphType>("semester", "The student's semester.")
            .Description("All users (admins only).")
            .AuthorizeWithRoles(Roles.Admin);

    private static IQueryable<UserNode> Rows(IResolveFieldContext context, UsersDbContext db)
    {
        IQueryable<User> users = db.Users;
        if (Text(context.GetArgument<string?>("search")) is { } text)
        {
            var usn = text.ToUpperInvariant();
            users = users.Where(u => u.Username.ToLower().Contains(text) || u.FirstName.ToLower().Contains(text)
                || u.LastName.ToLower().Contains(text) || u.Email.ToLower().Contains(text)
                || db.Students.Any(s => s.UserId == u.Id && s.Usn.Contains(usn)));
        }

        if (Text(context.GetArgument<string?>("department")) is { } department)
        {
            users = users.Where(u => db.Students.Any(s => s.UserId == u.Id && s.Department.ToLower() == department)
                || db.Mentors.Any(m => m.UserId == u.Id && m.Department.ToLower() == department));
        }

        if (context.GetArgument<int?>("semester") is { } semester)
        {
            users = users.Where(u => db.Students.Any(s => s.UserId == u.Id && s.Semester == semester));
        }

        return UserNodes.Users.Restrict(users.Select(UserLoaders.ToUserNode), context, db);
    }

    /// <summary>Trimmed, lower-cased (invariant) search text; null when blank.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}

internal sealed class UserFilter : FilterInputType<UserNode>
{
    public UserFilter()
    {
        Field("username", u => u.Username);
        Field("email", u => u.Email);
        Field("firstName", u => u.FirstName);
        Field("lastName", u => u.LastName);
        Field("userType", u => u.UserType, typeof(UserKindType));
        Field("isEmailVerified", u => u.IsEmailVerified);
        Field("isActive", u => u.IsActive);
        Field("dateJoined", u => u.DateJoined);
    }
}

internal sealed class UserSort : SortInputType<UserNode>
{
    public UserSort()
    {
        Field("username", u => u.Username);
        Field("lastName", u => u.LastName);
        Field("email", u => u.Email);
        Field("dateJoined", u => u.DateJoined);
        DefaultOrder("username", SortDirection.Asc);
    }
}
