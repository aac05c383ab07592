namespace CertifyTrack.Modules.Clubs.Permissions;

/// <summary>Who a user is, as far as clubs care; answered from Users' contracts, never its tables.</summary>
internal interface IClubIdentities
{
    Task<ClubIdentity> GetAsync(long userId, CancellationToken cancellationToken);
}

/// <summary>A user's standing: admin (active), their student id, their mentor id (null when not one).</summary>
internal sealed record ClubIdentity(long UserId, bool IsAdmin, long? StudentId, long? MentorId)
{
    public static ClubIdentity Nobody(long userId) => new(userId, false, null, null);
}
