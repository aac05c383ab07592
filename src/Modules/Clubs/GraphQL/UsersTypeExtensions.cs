using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Shared.GraphQL.DataLoaders;
using CertifyTrack.Shared.GraphQL.Extensions;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Clubs.GraphQL;

/// <summary>
/// <c>Student.clubMemberships</c>: every membership of the student, removed ones included (their
/// history). Seen by whoever may load the student (Users' policy: the student, their mentor,
/// admins), which is exactly who may read them.
/// </summary>
internal sealed class StudentClubsExtension : TypeExtension<StudentType, StudentNode>
{
    private static readonly CollectionLoader<ClubsDbContext, long, ClubMember> ByStudent =
        new(db => db.Members.OrderBy(m => m.JoinedDate).ThenBy(m => m.Id), m => m.StudentId);

    public override string Module => ClubsModule.Name;

    protected override void Extend(ObjectGraphType<StudentNode> type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClubMemberType>>>>("clubMemberships")
            .Description("The student's club memberships, active and past.")
            .Resolve(c => ByStudent.Load(c, c.Source.Id));
}

/// <summary><c>Mentor.coordinatedClubs</c>: the clubs the mentor is faculty coordinator of (clubs are public to signed-in users).</summary>
internal sealed class MentorClubsExtension : TypeExtension<MentorType, MentorNode>
{
    private static readonly CollectionLoader<ClubsDbContext, long, ClubNode> ByCoordinator =
        new(db => db.Clubs.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(ClubProjections.ToNode), c => c.FacultyCoordinatorId ?? 0);

    public override string Module => ClubsModule.Name;

    protected override void Extend(ObjectGraphType<MentorNode> type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClubType>>>>("coordinatedClubs")
            .Description("The clubs this mentor coordinates.")
            .Resolve(c => ByCoordinator.Load(c, c.Source.Id));
}
