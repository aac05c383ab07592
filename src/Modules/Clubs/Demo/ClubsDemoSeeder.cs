using System.Globalization;
using CertifyTrack.Modules.Clubs.Admin;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Membership;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Clubs.Demo;

/// <summary>
/// The Clubs part of <c>--seed-demo</c>: one club per demo department, its first mentor as faculty
/// coordinator, student 08 as club head and president, then a secretary, a treasurer, a student
/// coordinator and four members; mentor 2 and students 09–10 stay outside (someone to try joining
/// with). Runs after Users' seeder (module order) and finds the demo people through
/// <see cref="IUserDirectory"/>. Members are added by the membership writer every membership command
/// uses (counter, history); each club gets one <c>club.demo_created</c> audit row with its roster.
/// A club that already exists (by name, any case) is left alone; a second run creates nothing.
/// </summary>
internal sealed class ClubsDemoSeeder(
    IDbContextFactory<ClubsDbContext> contexts,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IAuditLog audit) : IDemoSeeder
{
    public const string AuditAction = "club.demo_created";

    private static readonly DemoClub[] Clubs =
    [
        new("CSE", "Coding Club", "Competitive programming, hackathons and open-source sprints.", new DateOnly(2012, 8, 1)),
        new("ECE", "Robotics and Embedded Systems Club", "Line followers, drones and microcontroller workshops.", new DateOnly(2014, 1, 15)),
        new("ME", "Motorsports Club", "Builds the college's go-kart and Formula Student entries.", new DateOnly(2010, 9, 1)),
        new("CIVIL", "Green Building Club", "Sustainable design, site visits and surveying camps.", new DateOnly(2016, 3, 1)),
    ];

    /// <summary>Student number (of <c>dept.studentNN</c>) per role; the president is also the club head.</summary>
    private static readonly (int Student, long RoleId, string Role)[] Roster =
    [
        (8, DefaultRoles.PresidentId, "president"),
        (7, DefaultRoles.SecretaryId, "secretary"),
        (6, DefaultRoles.TreasurerId, "treasurer"),
        (5, DefaultRoles.CoordinatorId, "coordinator"),
        (1, DefaultRoles.MemberId, "member"),
        (2, DefaultRoles.MemberId, "member"),
        (3, DefaultRoles.MemberId, "member"),
        (4, DefaultRoles.MemberId, "member"),
    ];

    public string Module => ClubsModule.Name;

    public async Task SeedAsync(DemoSeeding seeding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeding);
        var people = await PeopleAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = Clubs.Select(c => Club.Normalize(c.Name)).ToList();
        var existing = (await db.Clubs.Where(c => names.Contains(c.NormalizedName)).Select(c => c.NormalizedName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var demo in Clubs)
        {
            if (existing.Contains(Club.Normalize(demo.Name)))
            {
                seeding.Note($"The demo club {demo.Name} already exists and was left as it is.");
                continue;
            }

            var coordinator = people[Username(demo, "mentor1")];
            var head = people[Username(demo, "student08")];
            var club = new Club
            {
                Description = demo.Description,
                FacultyCoordinatorId = coordinator.MentorId,
                FacultyCoordinatorUserId = coordinator.UserId,
                ClubHeadId = head.StudentId,
                EstablishedDate = demo.Established,
                AllowsSelfJoin = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            club.Rename(demo.Name);
            db.Clubs.Add(club);
            await db.SaveChangesAsync(cancellationToken);

            // The coordinator adds the members, as addClubMember would (their user id in the history).
            var writer = new MembershipWriter(db, coordinator.UserId, now);
            foreach (var (number, roleId, _) in Roster)
            {
                var student = people[Username(demo, StudentName(number))];
                await writer.ActivateAsync(club.Id, student.StudentId!.Value, student.UserId, roleId, MembershipChangeKind.Added, ["demo", student.Username], cancellationToken);
            }

            var roster = Roster.Select(r => $"{r.Role} {Username(demo, StudentName(r.Student))}").ToList();
            await audit.RecordAsync(db, new AuditEntry(AuditAction, "Club", club.Id.ToString(CultureInfo.InvariantCulture))
            {
                NewValues = new { Club = ClubAudit.Values(club), Members = roster },
            }, cancellationToken);
            seeding.Note($"Demo club {demo.Name} ({demo.Department}): faculty coordinator {coordinator.Username}; club head {head.Username}; "
                + string.Join(", ", roster) + ".");
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Every demo person a club needs, by username; refuses (writing nothing) when Users' demo people are missing.</summary>
    private async Task<Dictionary<string, DirectoryUser>> PeopleAsync(CancellationToken cancellationToken)
    {
        var wanted = Clubs.SelectMany(c => Roster.Select(r => Username(c, StudentName(r.Student))).Append(Username(c, "mentor1"))).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().ByUsernamesAsync(wanted, cancellationToken);
        var usable = found.Values.Where(u => u.IsActive && (u.StudentId is not null || u.MentorId is not null))
            .ToDictionary(u => u.Username, StringComparer.OrdinalIgnoreCase);
        var missing = wanted.Where(w => !usable.ContainsKey(w)).ToList();
        return missing.Count == 0
            ? usable
            : throw new DemoSeedingException($"The demo clubs need the Users module's demo people; missing or inactive: {string.Join(", ", missing)}.");
    }

    private static string StudentName(int number) => string.Create(CultureInfo.InvariantCulture, $"student{number:D2}");

    private static string Username(DemoClub club, string who) => $"{club.Department.ToLowerInvariant()}.{who}";

    private sealed record DemoClub(string Department, string Name, string Description, DateOnly Established);
}
