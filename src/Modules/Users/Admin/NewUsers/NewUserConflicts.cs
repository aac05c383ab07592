using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Admin.NewUsers;

/// <summary>
/// The rules of new users that look at each other and at the database: usernames, emails, USNs
/// and employee ids unique (in the input and in the tables), mentors that exist. The database is
/// asked once per chunk of <see cref="ChunkSize"/> users: one <c>UNION ALL</c> statement.
/// </summary>
internal static class NewUserConflicts
{
    public const int ChunkSize = 1000;

    private const int Username = 0, Email = 1, Usn = 2, EmployeeId = 3, MentorByEmployeeId = 4, MentorById = 5;

    /// <summary>Adds the conflicts to <paramref name="errors"/>; resolves each student's mentor into <see cref="NewUser.MentorId"/> when it already exists.</summary>
    public static async Task CheckAsync(UsersDbContext db, IReadOnlyList<NewUser> users, List<UserError> errors, CancellationToken cancellationToken)
    {
        var fileMentors = InFile(users, errors);
        foreach (var chunk in users.Chunk(ChunkSize))
        {
            var hits = await QueryAsync(db, chunk, cancellationToken);
            var taken = hits.Where(h => h.Kind <= EmployeeId).Select(h => (h.Kind, h.Value)).ToHashSet();
            var mentorsByEmployeeId = hits.Where(h => h.Kind == MentorByEmployeeId).ToDictionary(h => h.Value, h => h.Id, StringComparer.Ordinal);
            var mentorIds = hits.Where(h => h.Kind == MentorById).Select(h => h.Id).ToHashSet();
            foreach (var user in chunk)
            {
                Taken(user, taken.Contains((Username, user.NormalizedUsername)), "USERNAME_TAKEN", $"The username '{user.Username}' is taken.", "username", errors);
                Taken(user, taken.Contains((Email, user.NormalizedEmail)), "EMAIL_TAKEN", $"The email '{user.Email}' is taken.", "email", errors);
                Taken(user, user.Kind == UserKind.Student && taken.Contains((Usn, user.NormalizedUsn)), "USN_TAKEN", $"The USN '{user.Usn}' is taken.", "usn", errors);
                Taken(user, user.Kind == UserKind.Mentor && taken.Contains((EmployeeId, user.NormalizedEmployeeId)), "EMPLOYEE_ID_TAKEN", $"The employee id '{user.EmployeeId}' is taken.", "employeeId", errors);
                ResolveMentor(user, mentorsByEmployeeId, mentorIds, fileMentors, errors);
            }
        }
    }

    /// <summary>
    /// The user error of <paramref name="user"/> for a unique index a concurrent request won the race
    /// on (<see cref="UniqueViolation"/>); null for an index that is no field of a new user.
    /// </summary>
    public static UserError? ForIndex(NewUser user, string? indexName) => indexName switch
    {
        UserConfiguration.UsernameIndex => new UserError(UsersErrorCodes.UsernameTaken, $"The username '{user.Username}' is taken.", user.Path("username")),
        UserConfiguration.EmailIndex => new UserError(UsersErrorCodes.EmailTaken, $"The email '{user.Email}' is taken.", user.Path("email")),
        StudentConfiguration.UsnIndex => new UserError(UsersErrorCodes.UsnTaken, $"The USN '{user.Usn}' is taken.", user.Path("usn")),
        MentorConfiguration.EmployeeIdIndex => new UserError(UsersErrorCodes.EmployeeIdTaken, $"The employee id '{user.EmployeeId}' is taken.", user.Path("employeeId")),
        _ => null,
    };

    private static void ResolveMentor(NewUser user, Dictionary<string, long> byEmployeeId, HashSet<long> ids, HashSet<string> fileMentors, List<UserError> errors)
    {
        if (user.Kind != UserKind.Student)
        {
            return;
        }

        if (user.MentorId is { } id && !ids.Contains(id))
        {
            errors.Add(new UserError(UsersErrorCodes.MentorNotFound, "No mentor has this id.", user.Path("mentorId")));
        }
        else if (!string.IsNullOrWhiteSpace(user.MentorEmployeeId))
        {
            var employeeId = user.MentorEmployeeId.Trim();
            if (byEmployeeId.TryGetValue(employeeId, out var mentorId))
            {
                user.MentorId = mentorId;
            }
            else if (!fileMentors.Contains(employeeId))
            {
                errors.Add(new UserError(UsersErrorCodes.MentorNotFound, $"No mentor has the employee id '{employeeId}'.", user.Path("mentorEmployeeId")));
            }
        }
    }

    private static Task<List<Hit>> QueryAsync(UsersDbContext db, NewUser[] chunk, CancellationToken cancellationToken)
    {
        var usernames = chunk.Select(u => u.NormalizedUsername).Distinct().ToList();
        var emails = chunk.Select(u => u.NormalizedEmail).Distinct().ToList();
        var usns = chunk.Where(u => u.Kind == UserKind.Student).Select(u => u.NormalizedUsn).Distinct().ToList();
        var employeeIds = chunk.Where(u => u.Kind == UserKind.Mentor).Select(u => u.NormalizedEmployeeId).Distinct().ToList();
        var mentorEmployeeIds = chunk.Select(u => u.MentorEmployeeId?.Trim()).OfType<string>().Distinct().ToList();
        var mentorIds = chunk.Select(u => u.MentorId).OfType<long>().Distinct().ToList();
        return db.Users.Where(u => usernames.Contains(u.NormalizedUsername)).Select(u => new Hit { Kind = Username, Value = u.NormalizedUsername, Id = u.Id })
            .Concat(db.Users.Where(u => emails.Contains(u.NormalizedEmail)).Select(u => new Hit { Kind = Email, Value = u.NormalizedEmail, Id = u.Id }))
            .Concat(db.Students.Where(s => usns.Contains(s.Usn)).Select(s => new Hit { Kind = Usn, Value = s.Usn, Id = s.Id }))
            .Concat(db.Mentors.Where(m => employeeIds.Contains(m.EmployeeId)).Select(m => new Hit { Kind = EmployeeId, Value = m.EmployeeId, Id = m.Id }))
            .Concat(db.Mentors.Where(m => mentorEmployeeIds.Contains(m.EmployeeId)).Select(m => new Hit { Kind = MentorByEmployeeId, Value = m.EmployeeId, Id = m.Id }))
            .Concat(db.Mentors.Where(m => mentorIds.Contains(m.Id)).Select(m => new Hit { Kind = MentorById, Value = m.EmployeeId, Id = m.Id }))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Duplicates inside the input (reported on every later occurrence); returns the employee ids of the input's mentors.</summary>
    private static HashSet<string> InFile(IReadOnlyList<NewUser> users, List<UserError> errors)
    {
        var seen = new Dictionary<(int, string), string>();
        var mentors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            Once(user, Username, user.NormalizedUsername, "username", seen, errors);
            Once(user, Email, user.NormalizedEmail, "email", seen, errors);
            if (user.Kind == UserKind.Student)
            {
                Once(user, Usn, user.NormalizedUsn, "usn", seen, errors);
            }

            if (user.Kind == UserKind.Mentor && Once(user, EmployeeId, user.NormalizedEmployeeId, "employeeId", seen, errors))
            {
                mentors.Add(user.NormalizedEmployeeId);
            }
        }

        return mentors;
    }

    private static bool Once(NewUser user, int kind, string value, string field, Dictionary<(int, string), string> seen, List<UserError> errors)
    {
        if (value.Length == 0)
        {
            return false;
        }

        if (seen.TryGetValue((kind, value), out var first))
        {
            errors.Add(new UserError(UsersErrorCodes.DuplicateInInput, $"The {field} '{value}' already appears at {first}.", user.Path(field)));
            return false;
        }

        seen.Add((kind, value), user.Label);
        return true;
    }

    private static void Taken(NewUser user, bool taken, string code, string message, string field, List<UserError> errors)
    {
        if (taken)
        {
            errors.Add(new UserError(code, message, user.Path(field)));
        }
    }

    private sealed class Hit
    {
        public int Kind { get; init; }

        public string Value { get; init; } = "";

        public long Id { get; init; }
    }
}
