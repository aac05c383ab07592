using CertifyTrack.Shared.GraphQL;

namespace CertifyTrack.Modules.Users;

/// <summary>The Users module's part of the schema.</summary>
internal sealed class UsersGraphQLModule : IGraphQLModule
{
    public string Name => UsersModule.Name;
}
