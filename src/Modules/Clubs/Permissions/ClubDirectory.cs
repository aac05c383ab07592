using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Permissions;

/// <summary><see cref="IClubDirectory"/>: one query on the unique normalised name.</summary>
internal sealed class ClubDirectory(IDbContextFactory<ClubsDbContext> dbs) : IClubDirectory
{
    public async Task<IReadOnlyDictionary<string, long>> IdsByNameAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var normalized = names.Select(Club.Normalize).Distinct().ToList();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var ids = await db.Clubs.Where(c => normalized.Contains(c.NormalizedName)).ToDictionaryAsync(c => c.NormalizedName, c => c.Id, cancellationToken);
        return names.Where(n => ids.ContainsKey(Club.Normalize(n))).Distinct().ToDictionary(n => n, n => ids[Club.Normalize(n)]);
    }
}
