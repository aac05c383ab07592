using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL.Extensions;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Contracts.GraphQL;

/// <summary>
/// <c>Mentor</c>: loaded only for the mentor, their own mentees and admins (<see cref="UserPolicies.Mentors"/>).
/// <c>mentees</c> lists their students for the mentor and admins only (<see cref="Profiles.MenteeList"/>).
/// Public so other modules extend it.
/// </summary>
public sealed class MentorType : ObjectGraphType<MentorNode>
{
    public MentorType(TypeExtensionRegistry extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        Name = MentorNode.TypeName;
        this.Authorize();
        this.NodeId(m => m.Id).AllowAnonymous();
        Field<NonNullGraphType<UserType>>("user").Resolve(c => UserNodes.Users.Load(c, c.Source.UserId));
        Field(m => m.EmployeeId);
        Field(m => m.Department);
        Field(m => m.Designation);
        Profiles.MenteeList.Declare(this);
        extensions.Apply(this);
    }
}
