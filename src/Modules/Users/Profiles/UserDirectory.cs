using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>
/// <see cref="IUserDirectory"/>: one statement per lookup (the profiles as scalar subqueries), cached by
/// user id for the request's scope.
/// </summary>
internal sealed class UserDirectory(IDbContextFactory<UsersDbContext> factory) : IUserDirectory
{
    private readonly Dictionary<long, DirectoryUser> byUser = [];

    public async Task<IReadOnlyDictionary<long, DirectoryUser>> ByUserIdsAsync(IReadOnlyCollection<long> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var missing = userIds.Where(id => !byUser.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            await LoadAsync(db => db.Users.Where(u => missing.Contains(u.Id)), cancellationToken);
        }

        return userIds.Distinct().Where(byUser.ContainsKey).ToDictionary(id => id, id => byUser[id]);
    }

    public Task<IReadOnlyDictionary<long, DirectoryUser>> ByStudentIdsAsync(IReadOnlyCollection<long> studentIds, CancellationToken cancellationToken) =>
        ByProfileAsync(studentIds, u => u.StudentId, db => db.Users.Where(u => db.Students.Any(s => s.UserId == u.Id && studentIds.Contains(s.Id))), cancellationToken);

    public Task<IReadOnlyDictionary<long, DirectoryUser>> ByMentorIdsAsync(IReadOnlyCollection<long> mentorIds, CancellationToken cancellationToken) =>
        ByProfileAsync(mentorIds, u => u.MentorId, db => db.Users.Where(u => db.Mentors.Any(m => m.UserId == u.Id && mentorIds.Contains(m.Id))), cancellationToken);

    public async Task<IReadOnlyDictionary<string, DirectoryUser>> ByUsnsAsync(IReadOnlyCollection<string> usns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usns);
        var wanted = usns.Select(u => u.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var known = byUser.Values.Where(u => u.Usn is { } usn && wanted.Contains(usn)).ToList();
        if (known.Count < wanted.Count)
        {
            var list = wanted.ToList();
            known = await LoadAsync(db => db.Users.Where(u => db.Students.Any(s => s.UserId == u.Id && list.Contains(s.Usn))), cancellationToken);
        }

        return known.Where(u => u.Usn is { } usn && wanted.Contains(usn)).ToDictionary(u => u.Usn!, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, DirectoryUser>> ByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usernames);
        var wanted = usernames.Select(Accounts.User.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var found = await LoadAsync(db => db.Users.Where(u => wanted.Contains(u.NormalizedUsername)), cancellationToken);
        return found.ToDictionary(u => u.Username, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<IReadOnlyDictionary<long, DirectoryUser>> ByProfileAsync(
        IReadOnlyCollection<long> ids, Func<DirectoryUser, long?> key, Func<UsersDbContext, IQueryable<Accounts.User>> users, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.ToHashSet();
        var known = byUser.Values.Where(u => key(u) is { } k && wanted.Contains(k)).ToList();
        if (known.Count < wanted.Count)
        {
            known = await LoadAsync(users, ct);
        }

        return known.Where(u => key(u) is { } k && wanted.Contains(k)).ToDictionary(u => key(u)!.Value);
    }

    private async Task<List<DirectoryUser>> LoadAsync(Func<UsersDbContext, IQueryable<Accounts.User>> users, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await users(db).AsNoTracking().Select(u => new DirectoryUser
        {
            UserId = u.Id,
            Kind = u.UserType,
            Username = u.Username,
            IsActive = u.IsActive,
            FirstName = u.FirstName,
            LastName = u.LastName,
            Email = u.Email,
            StudentId = db.Students.Where(s => s.UserId == u.Id).Select(s => (long?)s.Id).FirstOrDefault(),
            MentorId = db.Mentors.Where(m => m.UserId == u.Id).Select(m => (long?)m.Id).FirstOrDefault(),
            Usn = db.Students.Where(s => s.UserId == u.Id).Select(s => s.Usn).FirstOrDefault(),
            StudentMentorId = db.Students.Where(s => s.UserId == u.Id).Select(s => s.MentorId).FirstOrDefault(),
            StudentMentorUserId = db.Students.Where(s => s.UserId == u.Id)
                .Join(db.Mentors, s => s.MentorId, m => (long?)m.Id, (s, m) => (long?)m.UserId).FirstOrDefault(),
        }).ToListAsync(ct);
        found.ForEach(u => byUser[u.UserId] = u);
        return found;
    }
}
