using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Shared.GraphQL.DataLoaders;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Clubs.GraphQL;

/// <summary>
/// <c>ClubMember</c>: one student's membership of one club (<see cref="ClubNodes.Members"/>). Fellow
/// members see each other's names (<c>studentName</c>); the <c>Student</c> profile itself only where
/// Users' policy lets the caller load it (the student, their mentor, admins), null otherwise.
/// </summary>
internal sealed class ClubMemberType : ObjectGraphType<ClubMember>
{
    /// <summary>Full names by user id, from Users' directory, one lookup per batch.</summary>
    private static readonly ServiceBatchLoader<long, string> Names = new(
        async (services, ids, ct) => (await services.GetRequiredService<IUserDirectory>().ByUserIdsAsync([.. ids], ct))
            .ToDictionary(p => p.Key, p => p.Value.FullName),
        missing: "");

    public ClubMemberType()
    {
        Name = ClubMember.TypeName;
        this.Authorize();
        this.NodeId(m => m.Id).AllowAnonymous();
        Field<NonNullGraphType<ClubType>>("club").Resolve(c => ClubNodes.Clubs.Load(c, c.Source.ClubId));
        Field<StudentType>("student").Description("Null where Users' policy hides the student from the caller.")
            .Resolve(c => UserNodeLoaders.Students.Load(c, c.Source.StudentId));
        Field<NonNullGraphType<StringGraphType>>("studentName").Description("The member's full name.")
            .Resolve(c => Names.Load(c, c.Source.UserId));
        Field<NonNullGraphType<ClubRoleType>>("role").Resolve(c => ClubNodes.Roles.Load(c, c.Source.RoleId));
        Field<NonNullGraphType<DateTimeGraphType>>("joinedDate").Resolve(c => DateTime.SpecifyKind(c.Source.JoinedDate, DateTimeKind.Utc));
        Field(m => m.IsActive);
    }
}
