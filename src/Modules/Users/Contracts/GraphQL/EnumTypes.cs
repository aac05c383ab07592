using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Contracts.GraphQL;

/// <summary>The <c>UserType</c> enum: a user's role (<see cref="UserKind"/>; GraphQL keeps the older name).</summary>
public sealed class UserKindType : EnumerationGraphType<UserKind>
{
    public UserKindType() => Name = "UserType";
}

/// <summary>The <c>AdmissionType</c> enum.</summary>
public sealed class AdmissionTypeType : EnumerationGraphType<AdmissionType>
{
    public AdmissionTypeType() => Name = "AdmissionType";
}
