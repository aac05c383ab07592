using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL.Authorization;
using GraphQL;

namespace CertifyTrack.Modules.Users.GraphQL;

/// <summary>
/// The field-level rules of <c>User</c>, for objects the caller may load (<see cref="UserPolicies"/>):
/// a refused field answers null and a <c>FORBIDDEN</c> error naming its path (docs/adr/0006).
/// </summary>
internal static class UserFieldRules
{
    /// <summary>Account state (<c>isActive</c>, <c>isEmailVerified</c>, <c>lastLogin</c>): the user themselves and admins.</summary>
    public static object? SelfOrAdmin(IResolveFieldContext<UserNode> context, object? value) =>
        Caller.Of(context.User).UserId == context.Source.Id || Caller.Of(context.User).IsAdmin ? value : throw Forbidden(context);

    /// <summary>
    /// The email: the user themselves, admins, a student's own mentor and a mentor's own mentee (a
    /// student may write to their mentor). Checked on the field, not only by the row policy, so that
    /// a wider row policy (club roles, later) does not hand out addresses with the names.
    /// </summary>
    public static object? Email(IResolveFieldContext<UserNode> context)
    {
        var user = context.Source;
        if (Caller.Of(context.User).UserId is not { } caller)
        {
            throw Forbidden(context);
        }

        if (caller == user.Id || Caller.Of(context.User).IsAdmin)
        {
            return user.Email;
        }

        return user.UserType == UserKind.Student
            ? new MappedResult<MenteeLink?>(UserLoaders.MentorOfStudentUser.Load(context, user.Id),
                link => link?.MentorUserId == caller ? user.Email : throw Forbidden(context))
            : new MappedResult<MenteeLink?>(UserLoaders.MentorOfStudentUser.Load(context, caller),
                link => link?.MentorUserId == user.Id ? user.Email : throw Forbidden(context));
    }

    private static ExecutionError Forbidden(IResolveFieldContext context) =>
        new($"You are not allowed to access '{string.Join('.', context.ResponsePath)}'.") { Code = PlatformErrorCodes.Forbidden };
}
