using CertifyTrack.Shared.GraphQL;

namespace CertifyTrack.Modules.Venues;

/// <summary>The Venues module's part of the schema.</summary>
internal sealed class VenuesGraphQLModule : IGraphQLModule
{
    public string Name => VenuesModule.Name;
}
