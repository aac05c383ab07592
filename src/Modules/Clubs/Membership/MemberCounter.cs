using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Membership;

/// <summary>
/// Keeps <see cref="Club.ActiveMemberCount"/> by conditional updates in the caller's transaction.
/// The increment's <c>WHERE is_active AND active_member_count &lt; 200</c> is evaluated by the
/// database under the club row's write lock (PostgreSQL re-checks it after a concurrent writer
/// commits; SQLite has one writer), so of 250 concurrent joins exactly 200 can pass; no
/// check-then-insert.
/// </summary>
internal static class MemberCounter
{
    /// <summary>Counts one more active member, or returns false when the club is full or deactivated.</summary>
    public static async Task<bool> TryIncrementAsync(ClubsDbContext db, long clubId, CancellationToken cancellationToken)
    {
        var updated = await db.Clubs
            .Where(c => c.Id == clubId && c.IsActive && c.ActiveMemberCount < Club.MaxActiveMembers)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ActiveMemberCount, c => c.ActiveMemberCount + 1), cancellationToken);
        return updated == 1;
    }

    public static Task DecrementAsync(ClubsDbContext db, long clubId, CancellationToken cancellationToken) =>
        db.Clubs
            .Where(c => c.Id == clubId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ActiveMemberCount, c => c.ActiveMemberCount - 1), cancellationToken);
}
