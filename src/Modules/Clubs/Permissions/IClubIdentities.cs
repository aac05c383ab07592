namespace CertifyTrack.Modules.Clubs.Permissions;

/// <summary>Whether a user is an active admin; answered from Users' contracts, never its tables.</summary>
internal interface IClubIdentities
{
    Task<bool> IsAdminAsync(long userId, CancellationToken cancellationToken);
}
