using CertifyTrack.Modules.Events.Domain;
using GraphQL.Types;

namespace CertifyTrack.Modules.Events.GraphQL;

internal sealed class EventStatusGraphType : EnumerationGraphType<EventStatus>
{
    public EventStatusGraphType() => Name = "EventStatus";
}

internal sealed class RegistrationStatusGraphType : EnumerationGraphType<RegistrationStatus>
{
    public RegistrationStatusGraphType() => Name = "RegistrationStatus";
}
