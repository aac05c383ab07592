using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertifyTrack.Host.Tests.Clubs;

/// <summary>Someone who calls the API: their user id, profile id (student or mentor) and test token.</summary>
internal sealed record Person(string Name, long UserId, long? ProfileId, string Token)
{
    public string StudentId => GlobalId.Encode("Student", ProfileId!.Value);

    public string MentorId => GlobalId.Encode("Mentor", ProfileId!.Value);
}

/// <summary>
/// A college with two clubs, built through <c>/graphql</c>: "Robotics" (coordinated by mentor
/// <see cref="Coordinator"/>) with a president, secretary, treasurer, coordinator-role member, plain
/// member and a removed member; "Drama", deactivated, whose president is <see cref="DeactivatedMember"/>.
/// <see cref="Outsider"/> is a student in no club, <see cref="OtherMentor"/> a mentor of no club.
/// </summary>
internal sealed class ClubWorld : IAsyncDisposable
{
    private ClubWorld(UsersApp app, CapturingLoggerProvider logs)
    {
        App = app;
        Logs = logs;
    }

    public UsersApp App { get; }

    public Person Admin { get; private set; } = null!;

    public Person Coordinator { get; private set; } = null!;

    public Person OtherMentor { get; private set; } = null!;

    public Person President { get; private set; } = null!;

    public Person Secretary { get; private set; } = null!;

    public Person Treasurer { get; private set; } = null!;

    public Person CoordinatorRole { get; private set; } = null!;

    public Person Member { get; private set; } = null!;

    public Person Removed { get; private set; } = null!;

    public Person DeactivatedMember { get; private set; } = null!;

    public Person Outsider { get; private set; } = null!;

    public string ClubId { get; private set; } = "";

    public string DeactivatedClubId { get; private set; } = "";

    public Dictionary<string, string> RoleIds { get; } = [];

    /// <summary>Membership ids in Robotics (and Drama for the deactivated member), by person name.</summary>
    public Dictionary<string, string> MemberIds { get; } = [];

    /// <summary>The host's log, quoted when a setup step fails unexpectedly.</summary>
    public CapturingLoggerProvider Logs { get; }

    /// <param name="database">A database the caller owns, or null for a fresh one the world owns.</param>
    /// <param name="connectionString">Overrides the database's connection string (a smaller pool), for a flood of requests.</param>
    /// <param name="extraSettings">More configuration (another module's settings), merged over the above.</param>
    /// <param name="configureServices">More services for the host (a test's integration event handler).</param>
    public static async Task<ClubWorld> StartAsync(string provider, bool seed = true, TestDatabase? database = null, string? connectionString = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null, DateTimeOffset? now = null, bool kestrel = false,
        Action<IServiceCollection>? configureServices = null)
    {
        var logs = new CapturingLoggerProvider();
        // A flood of requests on a loaded machine: its own pool size, and time bounds that assert behaviour, not speed.
        var settings = connectionString is null ? new Dictionary<string, string?>() : new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["GraphQL:Limits:ExecutionTimeout"] = "00:03:00",
            ["GraphQL:Limits:ValidationTimeout"] = "00:01:00",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var world = new ClubWorld(await UsersApp.StartAsync(provider, now: now, kestrel: kestrel, settings: settings.Count == 0 ? null : settings, configureServices: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            configureServices?.Invoke(s);
        }, database: database), logs);
        if (seed)
        {
            await world.SeedAsync();
        }

        return world;
    }

    public Task<GraphQLResponse> AsAsync(Person who, string query, object? variables = null) =>
        App.Client.GraphQLAsync(query, variables, who.Token);

    public Task<GraphQLResponse> AnonymousAsync(string query, object? variables = null) => App.Client.GraphQLAsync(query, variables);

    /// <summary>Adds students written straight to Users' tables (as Users' own tests do).</summary>
    public async Task<List<Person>> StudentsAsync(string prefix, int count, long? mentorId = null)
    {
        var ids = await App.StudentsAsync(prefix, count, mentorId);
        await using var db = await App.CreateDbContextAsync();
        var users = await db.Students.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.UserId, TestContext.Current.CancellationToken);
        return [.. ids.Select((id, i) => new Person($"{prefix}{i}", users[id], id, TestAuthenticationHandler.Token($"{users[id]}", "student")))];
    }

    public async Task<Person> MentorAsync(string username)
    {
        var (userId, mentorId) = await App.MentorAsync(username, $"EMP-{username}");
        return new Person(username, userId, mentorId, TestAuthenticationHandler.Token($"{userId}", "mentor"));
    }

    public async Task<string> CreateClubAsync(string name, Person coordinator, bool allowsSelfJoin = true)
    {
        var response = await AsAsync(Admin, """
            mutation($input: CreateClubInput!) { createClub(input: $input) { club { id } userErrors { code field } } }
            """, new { input = new { name, facultyCoordinatorId = coordinator.MentorId, allowsSelfJoin } });
        return response.Field("createClub")?["club"]?["id"]?.GetValue<string>() ?? throw Failed(response);
    }

    public async Task<string> AddMemberAsync(Person by, string clubId, Person student, string role)
    {
        var response = await AddMemberResponseAsync(by, clubId, student, role);
        return response.Field("addClubMember")?["member"]?["id"]?.GetValue<string>() ?? throw Failed(response);
    }

    public Task<GraphQLResponse> AddMemberResponseAsync(Person by, string clubId, Person student, string? role) =>
        AsAsync(by, """
            mutation($input: AddClubMemberInput!) { addClubMember(input: $input) { member { id isActive role { name } } userErrors { code field } } }
            """, new { input = new { clubId, studentId = student.StudentId, roleId = role is null ? null : RoleIds[role] } });

    /// <summary>The club's active member count and the rows behind it, read from Clubs' tables.</summary>
    public async Task<(int Counter, int ActiveRows)> CountsAsync(string clubId)
    {
        var key = long.Parse(GlobalId.TryParse(clubId, out var id) ? id.Value.Key : "0", System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await App.App.Services.GetRequiredService<IDbContextFactory<ClubsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var counter = await db.Clubs.Where(c => c.Id == key).Select(c => c.ActiveMemberCount).SingleAsync(TestContext.Current.CancellationToken);
        var rows = await db.Members.CountAsync(m => m.ClubId == key && m.IsActive, TestContext.Current.CancellationToken);
        return (counter, rows);
    }

    public static string[] Names(JsonNode? list, string property = "name") =>
        [.. list!.AsArray().Select(n => n![property]!.GetValue<string>())];

    private async Task SeedAsync()
    {
        var (adminId, adminToken) = await App.AdminAsync();
        Admin = new Person("admin", adminId, null, adminToken);
        Coordinator = await MentorAsync("robotics.mentor");
        OtherMentor = await MentorAsync("other.mentor");
        var students = await StudentsAsync("stu", 9);
        (President, Secretary, Treasurer, CoordinatorRole, Member, Removed, DeactivatedMember, Outsider) =
            (students[0], students[1], students[2], students[3], students[4], students[5], students[6], students[7]);
        var roles = await AsAsync(Admin, "{ clubRoles { id name } }");
        foreach (var role in roles.Field("clubRoles")!.AsArray())
        {
            RoleIds[role!["name"]!.GetValue<string>()] = role["id"]!.GetValue<string>();
        }

        ClubId = await CreateClubAsync("Robotics", Coordinator);
        DeactivatedClubId = await CreateClubAsync("Drama", OtherMentor);
        foreach (var (person, role) in new[] { (President, "president"), (Secretary, "secretary"), (Treasurer, "treasurer"), (CoordinatorRole, "coordinator"), (Member, "member"), (Removed, "member") })
        {
            MemberIds[person.Name] = await AddMemberAsync(Admin, ClubId, person, role);
        }

        MemberIds[DeactivatedMember.Name] = await AddMemberAsync(Admin, DeactivatedClubId, DeactivatedMember, "president");
        var removed = await AsAsync(Admin, "mutation($id: ID!) { removeClubMember(input: { memberId: $id }) { userErrors { code } } }", new { id = MemberIds[Removed.Name] });
        Assert.Empty(removed.UserErrorCodes("removeClubMember"));
        var deactivated = await AsAsync(Admin, "mutation($id: ID!) { updateClub(input: { clubId: $id, isActive: false }) { userErrors { code } } }", new { id = DeactivatedClubId });
        Assert.Empty(deactivated.UserErrorCodes("updateClub"));
    }

    private InvalidOperationException Failed(GraphQLResponse response) => new($"{response}\n{LoggedExceptions()}");

    /// <summary>The exceptions the host logged, for a failure message.</summary>
    public string LoggedExceptions() =>
        string.Join("\n", Logs.Entries.Where(e => e.Exception is not null).Select(e => e.Exception!.ToString()).Distinct().Take(3));

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
