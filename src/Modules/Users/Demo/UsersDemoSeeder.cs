using System.Globalization;
using System.Security.Cryptography;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Admin.Mentoring;
using CertifyTrack.Modules.Users.Admin.NewUsers;
using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.Demo;
using CertifyTrack.Shared.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Demo;

/// <summary>
/// The Users part of <c>--seed-demo</c>: the mentors and students of <see cref="DemoCollege"/>,
/// checked by the same rules as <c>createUser</c>/<c>importUsers</c> and written by the same writer
/// (pre-verified, active), but with a password each — the demo password, or a generated one that
/// is reported once and stored only hashed. No invitation mail goes out. Demo users that already
/// exist (by username) are left alone; the rest are created in one transaction with their mentor
/// assignment history and one <c>user.demo_created</c> audit row each.
/// </summary>
internal sealed class UsersDemoSeeder(
    IDbContextFactory<UsersDbContext> contexts,
    IOptions<UserFormatOptions> formats,
    TimeProvider time,
    IAuditLog audit) : IDemoSeeder
{
    public const string AuditAction = "user.demo_created";

    public string Module => UsersModule.Name;

    public async Task SeedAsync(DemoSeeding seeding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeding);
        CheckDemoPassword(seeding.Password);
        var now = time.GetUtcNow().UtcDateTime;
        var options = formats.Value;
        var people = DemoCollege.People(DemoCollege.EmailDomain, now.Month >= 8 ? now.Year : now.Year - 1);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var usernames = people.Select(p => p.NormalizedUsername).ToList();
        var existing = (await db.Users.Where(u => usernames.Contains(u.NormalizedUsername))
            .Select(u => u.NormalizedUsername).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = people.Where(p => !existing.Contains(p.NormalizedUsername)).ToList();
        if (missing.Count == 0)
        {
            seeding.Note($"The {people.Count} demo users already exist; nothing created. Their passwords were printed when they were created.");
            return;
        }

        if (existing.Count > 0)
        {
            seeding.Note($"{existing.Count} of the {people.Count} demo users already exist and were left as they are.");
        }

        await CheckAsync(db, missing, options, cancellationToken);

        // Hashing is the slow part (PBKDF2): done before the transaction, on every core the hashing gate allows.
        var passwords = missing.Select(_ => seeding.Password ?? NewPassword()).ToArray();
        var hashes = await Task.WhenAll(passwords.Select(p => Task.Run(() => PasswordHashing.HashAsync(new User(), p, cancellationToken), cancellationToken)));

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var users = await NewUserWriter.WriteAsync(db, missing, now, cancellationToken);
        for (var i = 0; i < users.Count; i++)
        {
            users[i].Password = hashes[i];
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecordMentorAssignmentsAsync(db, users, now, cancellationToken);
        for (var i = 0; i < users.Count; i++)
        {
            await audit.RecordAsync(db, Audited(users[i], missing[i]), cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);

        var mentorNames = people.Where(p => p.EmployeeId is not null).ToDictionary(p => p.EmployeeId!, p => p.Username!, StringComparer.Ordinal);
        for (var i = 0; i < users.Count; i++)
        {
            seeding.AddLogin(new DemoLogin(users[i].Username, Principals.RoleOf(users[i].UserType), passwords[i], About(missing[i], mentorNames)));
        }
    }

    private static void CheckDemoPassword(string? password)
    {
        if (password is null)
        {
            return;
        }

        try
        {
            PasswordPolicy.Enforce(password);
        }
        catch (UserErrorException e)
        {
            throw new DemoSeedingException($"The demo password (CERTIFYTRACK_DEMO_PASSWORD) is refused: {e.Message}", e);
        }
    }

    /// <summary>The admin rules, so that a demo user is one an admin could have created under this configuration.</summary>
    private static async Task CheckAsync(UsersDbContext db, List<NewUser> people, UserFormatOptions options, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        people.ForEach(p => NewUserRules.Check(p, options, errors));
        if (errors.Count == 0)
        {
            await NewUserConflicts.CheckAsync(db, people, errors, cancellationToken);
        }

        if (errors.Count > 0)
        {
            throw new DemoSeedingException("The demo users cannot be created (nothing was written):"
                + string.Concat(errors.Select(e => $"{Environment.NewLine}  {string.Join('.', e.Field?.Skip(1) ?? [])}: {e.Message}")));
        }
    }

    /// <summary>Each student's first mentor, as <c>assignMentor</c> would have recorded it.</summary>
    private static async Task RecordMentorAssignmentsAsync(UsersDbContext db, List<User> users, DateTime now, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToList();
        var mentored = await db.Students.Where(s => ids.Contains(s.UserId) && s.MentorId != null)
            .Select(s => new { s.Id, MentorId = s.MentorId!.Value }).ToListAsync(cancellationToken);
        db.MentorAssignments.AddRange(mentored.Select(s => new MentorAssignment { StudentId = s.Id, NewMentorId = s.MentorId, AssignedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AuditEntry Audited(User user, NewUser person) =>
        new(AuditAction, "User", user.Id.ToString(CultureInfo.InvariantCulture))
        {
            NewValues = new
            {
                user.Username, user.Email, userType = user.UserType.ToString(), person.Department, person.Usn, person.Semester,
                admissionType = person.AdmissionType?.ToString(), person.MentorEmployeeId, person.EmployeeId, person.Designation,
            },
        };

    private static string About(NewUser person, Dictionary<string, string> mentorNames) =>
        person.EmployeeId is { } employeeId
            ? $"{person.FirstName} {person.LastName}, {person.Designation}, {person.Department} ({employeeId})"
            : string.Create(CultureInfo.InvariantCulture,
                $"{person.FirstName} {person.LastName}, {person.Department} semester {person.Semester}, {person.AdmissionType!.Value.ToString().ToLowerInvariant()}, {person.Usn}, mentor {mentorNames[person.MentorEmployeeId!]}");

    /// <summary>Sixteen characters the password policy accepts: <c>KQtrwx-4821-aPzK</c>.</summary>
    private static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        return $"{RandomNumberGenerator.GetString(upper, 2)}{RandomNumberGenerator.GetString(lower, 4)}-"
            + $"{RandomNumberGenerator.GetString(digits, 4)}-{RandomNumberGenerator.GetString(upper + lower + digits, 4)}";
    }
}
