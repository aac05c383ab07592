using CertifyTrack.Shared.Events;

namespace CertifyTrack.Modules.Users.Contracts;

/// <summary>
/// Published (after commit, through <see cref="IEventBus"/>) when <c>assignMentor</c> gives
/// students a new mentor. The notifications slice handles it: one notification to the mentor
/// ("n students assigned") and one to each student ("your mentor is …"). Only students whose
/// mentor actually changed are listed.
/// </summary>
public sealed record MentorAssigned(
    long MentorId,
    long MentorUserId,
    IReadOnlyList<long> StudentIds,
    IReadOnlyList<long> StudentUserIds,
    long? AssignedByUserId) : IIntegrationEvent;
