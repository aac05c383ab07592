using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL.Extensions;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Contracts.GraphQL;

/// <summary>
/// <c>User</c>. Public so other modules can extend it (<c>TypeExtension&lt;UserType, UserNode&gt;</c>).
/// Signed-in callers see names and roles; the email only its owner, an admin, or the mentor of
/// the student it belongs to — anyone else gets <c>FORBIDDEN</c> on that field.
/// </summary>
public sealed class UserType : ObjectGraphType<UserNode>
{
    public UserType(TypeExtensionRegistry extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        Name = "User";
        this.Authorize();
        this.NodeId(u => u.Id).AllowAnonymous();
        Field(u => u.Username);
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(ResolveEmail);
        Field(u => u.FirstName);
        Field(u => u.LastName);
        Field<NonNullGraphType<UserKindGraphType>>("userType").Resolve(c => c.Source.UserType);
        Field(u => u.IsEmailVerified);
        Field(u => u.IsActive);
        Field<NonNullGraphType<DateTimeGraphType>>("dateJoined").Resolve(c => Utc(c.Source.DateJoined));
        Field<DateTimeGraphType>("lastLogin").Resolve(c => c.Source.LastLogin is { } t ? Utc(t) : null);
        Field<StudentType>("student").Resolve(c => UserLoaders.StudentByUser.Load(c, c.Source.Id));
        Field<MentorType>("mentor").Resolve(c => UserLoaders.MentorByUser.Load(c, c.Source.Id));
        extensions.Apply(this);
    }

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static object? ResolveEmail(IResolveFieldContext<UserNode> context)
    {
        var user = context.Source;
        var caller = Caller.UserId(context.User);
        if (caller == user.Id || Caller.IsAdmin(context.User))
        {
            return user.Email;
        }

        if (caller is { } mentor && Caller.IsMentor(context.User) && user.UserType == UserKind.Student)
        {
            return new MappedResult<MenteeLink?>(
                UserLoaders.MentorOfStudentUser.Load(context, user.Id),
                link => link?.MentorUserId == mentor ? user.Email : throw Forbidden(context));
        }

        throw Forbidden(context);
    }

    private static ExecutionError Forbidden(IResolveFieldContext context) =>
        new($"You are not allowed to read the email of this user ('{string.Join('.', context.ResponsePath)}').") { Code = "FORBIDDEN" };
}

/// <summary>The <c>UserType</c> enum: a user's role.</summary>
public sealed class UserKindGraphType : EnumerationGraphType<UserKind>
{
    public UserKindGraphType() => Name = "UserType";
}
