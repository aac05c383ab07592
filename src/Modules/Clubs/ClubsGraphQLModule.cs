using CertifyTrack.Modules.Clubs.Admin;
using CertifyTrack.Modules.Clubs.GraphQL;
using CertifyTrack.Modules.Clubs.Membership;
using CertifyTrack.Shared.GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Clubs;

/// <summary>The Clubs module's part of the schema: every feature listed once.</summary>
internal sealed class ClubsGraphQLModule : IGraphQLModule
{
    public string Name => ClubsModule.Name;

    public void AddQueryFields(ObjectGraphType query) => ClubQueries.Declare(query);

    public void AddMutationFields(ObjectGraphType mutation)
    {
        CreateClub.Declare(mutation);
        UpdateClub.Declare(mutation);
        UpdateClubRole.Declare(mutation);
        AddClubMember.Declare(mutation);
        ChangeClubMemberRole.Declare(mutation);
        RemoveClubMember.Declare(mutation);
        JoinClub.Declare(mutation);
        LeaveClub.Declare(mutation);
    }
}
