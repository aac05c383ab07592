using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.GraphQL;

/// <summary>
/// What many fields of one request ask again and again, read once per request (a scoped service):
/// the five roles (<c>Club.roles</c> of every club in a list) and the caller's active memberships
/// (<c>Club.myMembership</c>, who may read <c>Club.members</c>). Commands call <see cref="Forget"/>
/// when they change memberships or roles, so later fields of the same request see the change.
/// </summary>
internal sealed class ClubRequestCache(IDbContextFactory<ClubsDbContext> dbs)
{
    private readonly Lock gate = new();
    private Task<List<ClubRole>>? roles;
    private readonly Dictionary<long, Task<Dictionary<long, ClubMember>>> memberships = [];

    public Task<List<ClubRole>> RolesAsync(CancellationToken ct)
    {
        lock (gate)
        {
            return roles ??= LoadRolesAsync(ct);
        }
    }

    /// <summary>The active memberships of <paramref name="userId"/>, by club id.</summary>
    public Task<Dictionary<long, ClubMember>> MembershipsAsync(long userId, CancellationToken ct)
    {
        lock (gate)
        {
            if (!memberships.TryGetValue(userId, out var task))
            {
                memberships[userId] = task = LoadMembershipsAsync(userId, ct);
            }

            return task;
        }
    }

    public void Forget()
    {
        lock (gate)
        {
            roles = null;
            memberships.Clear();
        }
    }

    private async Task<List<ClubRole>> LoadRolesAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Roles.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
    }

    private async Task<Dictionary<long, ClubMember>> LoadMembershipsAsync(long userId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Members.AsNoTracking().Where(m => m.UserId == userId && m.IsActive).ToDictionaryAsync(m => m.ClubId, ct);
    }
}
