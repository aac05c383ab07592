using System.Collections.Concurrent;
using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Permissions;

/// <summary>
/// <see cref="IClubPermissions"/>: one statement per (user, club) (the club's active flag and
/// coordinator, left-joined to the user's active membership and its role), cached for the request
/// (a scoped service). Membership and role mutations call <see cref="Forget"/> after they commit,
/// so a later field of the same request sees the change.
/// </summary>
internal sealed class ClubPermissions(IDbContextFactory<ClubsDbContext> dbs, IClubIdentities identities) : IClubPermissions
{
    private readonly ConcurrentDictionary<(long User, long Club), Lazy<Task<IReadOnlySet<ClubPermission>>>> cache = new();

    public async Task<bool> CanAsync(long userId, long clubId, ClubPermission permission, CancellationToken cancellationToken = default) =>
        (await GetAsync(userId, clubId, cancellationToken)).Contains(permission);

    public Task<IReadOnlySet<ClubPermission>> GetAsync(long userId, long clubId, CancellationToken cancellationToken = default) =>
        cache.GetOrAdd((userId, clubId), key => new Lazy<Task<IReadOnlySet<ClubPermission>>>(
            () => LoadAsync(key.User, key.Club, cancellationToken))).Value;

    public async Task<bool> IsActiveAsync(long clubId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Clubs.AnyAsync(c => c.Id == clubId && c.IsActive, cancellationToken);
    }

    /// <summary>Drops every cached answer (after a change of memberships, roles or clubs).</summary>
    public void Forget() => cache.Clear();

    private async Task<IReadOnlySet<ClubPermission>> LoadAsync(long userId, long clubId, CancellationToken cancellationToken)
    {
        var isAdmin = await identities.IsAdminAsync(userId, cancellationToken);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var row = await (
            from c in db.Clubs
            where c.Id == clubId
            join m in db.Members.Where(m => m.UserId == userId && m.IsActive) on c.Id equals m.ClubId into memberships
            from m in memberships.DefaultIfEmpty()
            join r in db.Roles on m!.RoleId equals r.Id into roles
            from r in roles.DefaultIfEmpty()
            select new { c.IsActive, c.FacultyCoordinatorUserId, Role = r })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return new HashSet<ClubPermission>();
        }

        return PermissionRule.Resolve(new ClubFacts(isAdmin, row.FacultyCoordinatorUserId == userId, row.IsActive, row.Role?.Permissions()));
    }
}
