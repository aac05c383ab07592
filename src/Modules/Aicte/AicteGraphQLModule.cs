using CertifyTrack.Shared.GraphQL;

namespace CertifyTrack.Modules.Aicte;

/// <summary>The Aicte module's part of the schema.</summary>
internal sealed class AicteGraphQLModule : IGraphQLModule
{
    public string Name => AicteModule.Name;
}
