using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL.Extensions;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Contracts.GraphQL;

/// <summary>
/// <c>Student</c>: loaded only for the student, their own mentor and admins (<see cref="UserPolicies.Students"/>),
/// on every path. Public so other modules extend it (Certificates adds <c>certificates</c>, Aicte
/// <c>aicteProgress</c>); an extension's fields are seen by whoever may load the student.
/// </summary>
public sealed class StudentType : ObjectGraphType<StudentNode>
{
    public StudentType(TypeExtensionRegistry extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        Name = StudentNode.TypeName;
        this.Authorize();
        this.NodeId(s => s.Id).AllowAnonymous();
        Field<NonNullGraphType<UserType>>("user").Resolve(c => UserNodes.Users.Load(c, c.Source.UserId));
        Field(s => s.Usn);
        Field(s => s.Department);
        Field(s => s.Semester);
        Field<NonNullGraphType<AdmissionTypeType>>("admissionType").Resolve(c => c.Source.AdmissionType);
        Field<MentorType>("mentor").Resolve(c => c.Source.MentorId is { } id ? UserNodes.Mentors.Load(c, id) : null);
        Field(s => s.ProfileCompleted);
        extensions.Apply(this);
    }
}
