using CertifyTrack.Shared.GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// The one schema: root types composed from every module's contributions. Graph types need no
/// registration: unregistered ones are created with their constructor dependencies from DI.
/// </summary>
internal sealed class CertifyTrackSchema : Schema
{
    public CertifyTrackSchema(IServiceProvider services, IEnumerable<IGraphQLModule> modules)
        : base(new SelfActivatingServiceProvider(services))
    {
        var (query, mutation, subscription) = RootTypeComposer.Compose(modules);
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        RootFieldResolver.WrapFieldsOf(query);
        RootFieldResolver.WrapFieldsOf(mutation);
    }
}
