using CertifyTrack.Shared.Events;

namespace CertifyTrack.Modules.Events.GraphQL;

/// <summary>A change of an event's status, seats or counts (the subscription re-reads the event through its policy).</summary>
internal sealed record EventChanged(long EventId);

internal static class EventTopics
{
    public static Topic<EventChanged> Updated(long eventId) => new($"events.{eventId}.updated");
}
