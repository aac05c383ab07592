using CertifyTrack.Modules.Events.Attendance;
using CertifyTrack.Modules.Events.GraphQL;
using CertifyTrack.Modules.Events.Lifecycle;
using CertifyTrack.Modules.Events.Registrations;
using CertifyTrack.Shared.GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Events;

/// <summary>The Events module's part of the schema: every feature listed once.</summary>
internal sealed class EventsGraphQLModule : IGraphQLModule
{
    public string Name => EventsModule.Name;

    public void AddQueryFields(ObjectGraphType query) => EventQueries.Declare(query);

    public void AddMutationFields(ObjectGraphType mutation)
    {
        CreateEvent.Declare(mutation);
        UpdateEvent.Declare(mutation);
        EventTransitions.Declare(mutation);
        RegisterForEvent.Declare(mutation);
        CancelRegistration.Declare(mutation);
        AttendanceRegistration.DeclareMutations(mutation);
    }

    public void AddSubscriptionFields(ObjectGraphType subscription) => EventSubscription.Declare(subscription);
}
