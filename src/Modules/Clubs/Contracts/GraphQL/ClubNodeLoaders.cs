using CertifyTrack.Modules.Clubs.GraphQL;
using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Clubs.Contracts.GraphQL;

/// <summary>How another module's field returns a club (<c>Event.club</c>): through the Club node policy, batched.</summary>
public static class ClubNodeLoaders
{
    public static INodeLoader<ClubNode> Clubs => ClubNodes.Clubs;
}
