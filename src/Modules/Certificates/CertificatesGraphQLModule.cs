using CertifyTrack.Shared.GraphQL;

namespace CertifyTrack.Modules.Certificates;

/// <summary>The Certificates module's part of the schema.</summary>
internal sealed class CertificatesGraphQLModule : IGraphQLModule
{
    public string Name => CertificatesModule.Name;
}
