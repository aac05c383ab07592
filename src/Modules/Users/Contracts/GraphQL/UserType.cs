using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL.Extensions;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Contracts.GraphQL;

/// <summary>
/// <c>User</c>. Public so other modules can extend it (<c>TypeExtension&lt;UserType, UserNode&gt;</c>).
/// Who may load a user at all is <see cref="UserPolicies.Users"/>; of a user they may load, a caller
/// reads the names and role, the email only as the user themselves, an admin, or the other side of a
/// mentor–mentee link, and <c>isEmailVerified</c>, <c>isActive</c>, <c>lastLogin</c> only as the user
/// themselves or an admin. A refused field is null with a <c>FORBIDDEN</c> error at its path (so these
/// fields are nullable: a refusal never blanks the object around them).
/// </summary>
public sealed class UserType : ObjectGraphType<UserNode>
{
    public UserType(TypeExtensionRegistry extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        Name = UserNode.TypeName;
        this.Authorize();
        this.NodeId(u => u.Id).AllowAnonymous();
        Field(u => u.Username);
        Field<StringGraphType>("email").Description("The user, admins, and the student's own mentor or the mentor's mentee; FORBIDDEN to others.")
            .Resolve(UserFieldRules.Email);
        Field(u => u.FirstName);
        Field(u => u.LastName);
        Field<NonNullGraphType<UserKindType>>("userType").Resolve(c => c.Source.UserType);
        Field<BooleanGraphType>("isEmailVerified").Description("The user and admins; FORBIDDEN to others.")
            .Resolve(c => UserFieldRules.SelfOrAdmin(c, c.Source.IsEmailVerified));
        Field<BooleanGraphType>("isActive").Description("The user and admins; FORBIDDEN to others.")
            .Resolve(c => UserFieldRules.SelfOrAdmin(c, c.Source.IsActive));
        Field<NonNullGraphType<DateTimeGraphType>>("dateJoined").Resolve(c => Utc(c.Source.DateJoined));
        Field<DateTimeGraphType>("lastLogin").Description("The user and admins; FORBIDDEN to others.")
            .Resolve(c => UserFieldRules.SelfOrAdmin(c, c.Source.LastLogin is { } t ? Utc(t) : (DateTime?)null));
        Field<StudentType>("student").Resolve(c => UserNodes.StudentByUser.Load(c, c.Source.Id));
        Field<MentorType>("mentor").Resolve(c => UserNodes.MentorByUser.Load(c, c.Source.Id));
        extensions.Apply(this);
    }

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
