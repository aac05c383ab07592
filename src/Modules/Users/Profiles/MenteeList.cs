using CertifyTrack.Modules.Users.Admin.Lists;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Lists;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>
/// <c>Mentor.mentees(where, order)</c>: the mentor's students, with the filters and sorting of
/// <c>students</c>. Listed for the mentor themselves and admins; a mentee, who may load their mentor,
/// is refused on the field (null and <c>FORBIDDEN</c>) rather than shown the other mentees. The rows
/// still go through the Student node policy, so a wider Mentor policy later cannot widen this list.
/// </summary>
internal static class MenteeList
{
    public static void Declare(ObjectGraphType<MentorNode> mentor) =>
        mentor.Connection<StudentType, StudentNode>("mentees").Filter<StudentFilter>().Sort<StudentSort>().Nullable()
            .Resolve<UsersDbContext>(Rows, s => s.Id)
            .Description("The mentor's students: the mentor and admins; FORBIDDEN to others.")
            .Authorize();

    private static IQueryable<StudentNode> Rows(IResolveFieldContext context, UsersDbContext db)
    {
        var mentor = (MentorNode)context.Source!;
        var caller = Caller.Of(context.User);
        if (!caller.IsAdmin && caller.UserId != mentor.UserId)
        {
            throw new ExecutionError($"You are not allowed to access '{string.Join('.', context.ResponsePath)}'.") { Code = PlatformErrorCodes.Forbidden };
        }

        var mentees = db.Students.Where(s => s.MentorId == mentor.Id).Select(UserLoaders.ToStudentNode);
        return UserNodes.Students.Restrict(mentees, context, db);
    }
}
