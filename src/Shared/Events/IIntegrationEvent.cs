namespace CertifyTrack.Shared.Events;

/// <summary>
/// Marks an immutable record a module publishes in its <c>Contracts/</c> for other modules to
/// react to (<c>EventCompleted</c>, <c>AttendanceMarked</c>, …). Carry ids and facts, not entities.
/// </summary>
#pragma warning disable CA1040 // A marker: it keeps arbitrary objects out of PublishAfterCommit.
public interface IIntegrationEvent;
#pragma warning restore CA1040
