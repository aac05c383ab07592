using CertifyTrack.Modules.Events.Attendance;
using CertifyTrack.Shared.GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Events;

/// <summary>The Events module's part of the schema.</summary>
internal sealed class EventsGraphQLModule : IGraphQLModule
{
    public string Name => EventsModule.Name;

    public void AddMutationFields(ObjectGraphType mutation) => AttendanceRegistration.DeclareMutations(mutation);
}
