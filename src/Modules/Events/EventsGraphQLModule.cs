using CertifyTrack.Shared.GraphQL;

namespace CertifyTrack.Modules.Events;

/// <summary>The Events module's part of the schema.</summary>
internal sealed class EventsGraphQLModule : IGraphQLModule
{
    public string Name => EventsModule.Name;
}
