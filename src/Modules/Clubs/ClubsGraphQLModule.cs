using CertifyTrack.Shared.GraphQL;

namespace CertifyTrack.Modules.Clubs;

/// <summary>The Clubs module's part of the schema.</summary>
internal sealed class ClubsGraphQLModule : IGraphQLModule
{
    public string Name => ClubsModule.Name;
}
