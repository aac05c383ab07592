using CertifyTrack.Modules.Users.Contracts;

namespace CertifyTrack.Modules.Clubs.Permissions;

/// <summary><see cref="IClubIdentities"/> from Users' directory (batched and cached per request there).</summary>
internal sealed class DirectoryIdentities(IUserDirectory directory) : IClubIdentities
{
    public async Task<bool> IsAdminAsync(long userId, CancellationToken cancellationToken) =>
        (await directory.ByUserIdsAsync([userId], cancellationToken)).TryGetValue(userId, out var user)
        && user is { Kind: UserKind.Admin, IsActive: true };
}
