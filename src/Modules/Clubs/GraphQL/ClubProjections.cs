using System.Linq.Expressions;
using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Domain;

namespace CertifyTrack.Modules.Clubs.GraphQL;

internal static class ClubProjections
{
    public static readonly Expression<Func<Club, ClubNode>> ToNode = c => new ClubNode
    {
        Id = c.Id,
        Name = c.Name,
        Description = c.Description,
        FacultyCoordinatorId = c.FacultyCoordinatorId,
        FacultyCoordinatorUserId = c.FacultyCoordinatorUserId,
        ClubHeadId = c.ClubHeadId,
        EstablishedDate = c.EstablishedDate,
        IsActive = c.IsActive,
        AllowsSelfJoin = c.AllowsSelfJoin,
        MemberCount = c.ActiveMemberCount,
    };

    private static readonly Func<Club, ClubNode> Compiled = ToNode.Compile();

    public static ClubNode Node(this Club club) => Compiled(club);
}
