namespace CertifyTrack.Modules.Clubs.Contracts;

/// <summary>
/// The one answer to "may user U do P in club C?". Admins may do everything; so may the club's
/// faculty coordinator; an active member of an active club may do what their role's flags allow;
/// anyone else (an outsider, a removed member, a member of a deactivated club) nothing. Answers
/// are cached for the request (the service is scoped); each (user, club) costs one SQL statement
/// of this module plus the Users directory's batched lookups.
/// </summary>
public interface IClubPermissions
{
    /// <summary>Whether <paramref name="userId"/> holds <paramref name="permission"/> in <paramref name="clubId"/>.</summary>
    Task<bool> CanAsync(long userId, long clubId, ClubPermission permission, CancellationToken cancellationToken = default);

    /// <summary>Every permission <paramref name="userId"/> holds in <paramref name="clubId"/> (empty for an unknown club).</summary>
    Task<IReadOnlySet<ClubPermission>> GetAsync(long userId, long clubId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the club exists and is active (a deactivated club creates and schedules no events).
    /// Not cached: commands ask it in the transaction that acts on the answer.
    /// </summary>
    Task<bool> IsActiveAsync(long clubId, CancellationToken cancellationToken = default);
}
