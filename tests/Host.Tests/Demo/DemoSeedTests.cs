using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Events.Demo;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Demo;
using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Demo;

/// <summary>
/// <c>--seed-demo</c> run as its own process the way a newcomer runs it: the printed logins sign in
/// through <c>/connect/token</c>, <c>me</c>, <c>students</c>, <c>clubs</c> and <c>events</c> answer over <c>/graphql</c>, and a second run creates nothing.
/// </summary>
public sealed class DemoSeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3); // two cores shared with other test processes
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("certifytrack-demo-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_demo_creates_a_college_whose_printed_logins_work_and_a_second_run_creates_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var port = ClosedPort.Find();
        var environment = Environment(database, port);

        // Alone, --seed-demo migrates the fresh database, seeds, prints the logins and serves.
        Dictionary<string, (string Role, string Password)> logins;
        await using (var host = HostProcess.Start(["--seed-demo"], environment))
        {
            await host.WaitForOutputAsync("Sign in with GraphiQL", Timeout);
            logins = DemoLogins.Parse(host.Output);
            Assert.Equal(8, logins.Values.Count(l => l.Role == "mentor"));
            Assert.Equal(40, logins.Values.Count(l => l.Role == "student"));
            Assert.Equal(48, logins.Values.Select(l => l.Password).Distinct().Count());

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(client);
            var student = await DemoLogins.SignInAsync(client, "cse.student09", logins["cse.student09"].Password);
            var me = await QueryAsync(client, "{ me { username userType isEmailVerified isActive student { usn department semester admissionType mentor { user { username } } } } }", student);
            Assert.Equal(
                """{"username":"cse.student09","userType":"STUDENT","isEmailVerified":true,"isActive":true,"student":{"usn":"__USN__","department":"CSE","semester":3,"admissionType":"LATERAL","mentor":{"user":{"username":"cse.mentor2"}}}}"""
                    .Replace("__USN__", me["student"]!["usn"]!.GetValue<string>(), StringComparison.Ordinal),
                me.ToJson());
            Assert.Matches("^1CT[0-9]{2}CS401$", me["student"]!["usn"]!.GetValue<string>());
            var forbidden = await client.PostGraphQLAsync("{ students(first: 5) { totalCount } }", accept: "application/json", token: student);
            Assert.Equal(["FORBIDDEN"], forbidden.Body.ErrorCodes());

            // The mentor sees exactly their five mentees.
            var mentor = await DemoLogins.SignInAsync(client, "cse.mentor1", logins["cse.mentor1"].Password);
            var (_, mentees) = await client.PostGraphQLAsync(
                "{ me { username mentor { employeeId department } } students(first: 50) { totalCount nodes { user { username } } } }",
                accept: "application/json", token: mentor);
            Assert.Empty(mentees.ErrorCodes());
            Assert.Equal("""{"username":"cse.mentor1","mentor":{"employeeId":"CT-CSE-01","department":"CSE"}}""", mentees["data"]!["me"].ToJson());
            Assert.Equal(5, mentees["data"]!["students"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(
                ["cse.student01", "cse.student02", "cse.student03", "cse.student04", "cse.student05"],
                mentees["data"]!["students"]!["nodes"]!.AsArray().Select(n => n!["user"]!["username"]!.GetValue<string>()).Order());

            // Clubs: one per department, with who holds which role printed and in force.
            Assert.Contains("Demo club Coding Club (CSE): faculty coordinator cse.mentor1; club head cse.student08; president cse.student08, secretary cse.student07, "
                + "treasurer cse.student06, coordinator cse.student05, member cse.student01, member cse.student02, member cse.student03, member cse.student04.", host.Output, StringComparison.Ordinal);
            var secretary = await DemoLogins.SignInAsync(client, "cse.student07", logins["cse.student07"].Password);
            var (_, clubs) = await client.PostGraphQLAsync(
                "{ clubs(first: 10, order: [{ name: ASC }]) { totalCount nodes { name memberCount myPermissions myMembership { role { name } } } } }",
                accept: "application/json", token: secretary);
            Assert.Empty(clubs.ErrorCodes());
            Assert.Equal(4, clubs["data"]!["clubs"]!["totalCount"]!.GetValue<int>());
            var coding = clubs["data"]!["clubs"]!["nodes"]!.AsArray().Single(n => n!["name"]!.GetValue<string>() == "Coding Club")!;
            Assert.Equal(8, coding["memberCount"]!.GetValue<int>());
            Assert.Equal("secretary", coding["myMembership"]!["role"]!["name"]!.GetValue<string>());
            Assert.Contains("MANAGE_MEMBERS", coding["myPermissions"]!.AsArray().Select(p => p!.GetValue<string>()));
            Assert.DoesNotContain("DELETE_EVENTS", coding["myPermissions"]!.AsArray().Select(p => p!.GetValue<string>()));

            await DemoEventsAreInForceAsync(client, host.Output, logins);
        }

        // Again, the way a script seeds (migrate, seed, exit): nothing new, and it says so.
        var second = await HostProcess.RunAsync(["migrate", "--seed-demo"], environment, Timeout);
        Assert.True(second.ExitCode == 0, $"exit code {second.ExitCode}:\n{second.Output}");
        Assert.Contains("The 48 demo users already exist; nothing created.", second.Output, StringComparison.Ordinal);
        Assert.Contains("The demo club Coding Club already exists and was left as it is.", second.Output, StringComparison.Ordinal);
        Assert.Empty(DemoLogins.Parse(second.Output));
        Assert.Contains("The demo events of Coding Club already exist and were left as they are.", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo event ", second.Output, StringComparison.Ordinal);

        using var services = ModuleServices.Build(database);
        await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(48, await db.Users.CountAsync(u => u.UserType != UserKind.Admin, Ct));
        Assert.Equal(40, await db.Students.CountAsync(s => s.MentorId != null, Ct));
        Assert.Equal(40, await db.MentorAssignments.CountAsync(Ct));
        Assert.Equal(48, await db.AuditLog.CountAsync(a => a.Action == UsersDemoSeeder.AuditAction, Ct));
        Assert.Equal(24, await db.AuditLog.CountAsync(a => a.Action == EventsDemoSeeder.AuditAction, Ct));
        await using var events = await services.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(24, await events.Events.CountAsync(Ct));
        Assert.Equal(
            Enumerable.Range(1, 8),
            (await db.Students.Select(s => s.Semester).Distinct().ToListAsync(Ct)).Order());
    }

    [Fact]
    public async Task A_demo_password_makes_the_logins_predictable_and_a_weak_one_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var environment = Environment(database, ClosedPort.Find());

        environment["CERTIFYTRACK_DEMO_PASSWORD"] = "demo";
        var weak = await HostProcess.RunAsync(["migrate", "--seed-demo"], environment, Timeout);
        Assert.True(weak.ExitCode == 1, $"exit code {weak.ExitCode}:\n{weak.Output}");
        Assert.Contains("The demo password (CERTIFYTRACK_DEMO_PASSWORD) is refused", weak.Output, StringComparison.Ordinal);
        Assert.Empty(DemoLogins.Parse(weak.Output));

        environment["CERTIFYTRACK_DEMO_PASSWORD"] = "Demo-College-2026";
        var known = await HostProcess.RunAsync(["migrate", "--seed-demo"], environment, Timeout);
        Assert.True(known.ExitCode == 0, $"exit code {known.ExitCode}:\n{known.Output}");
        var logins = DemoLogins.Parse(known.Output);
        Assert.Equal(48, logins.Count);
        Assert.All(logins.Values, l => Assert.Equal("Demo-College-2026", l.Password));
    }

    [Fact]
    public async Task Outside_Development_seeding_is_refused_unless_explicitly_allowed()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var environment = Environment(database, ClosedPort.Find());
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["Auth__AllowPasswordGrant"] = "true";
        environment["CERTIFYTRACK_DEMO_PASSWORD"] = "Demo-College-2026";

        var refused = await HostProcess.RunAsync(["migrate", "--seed-demo"], environment, Timeout);
        Assert.True(refused.ExitCode == 1, $"exit code {refused.ExitCode}:\n{refused.Output}");
        Assert.Contains("Demo:AllowOutsideDevelopment", refused.Output, StringComparison.Ordinal);
        Assert.Empty(DemoLogins.Parse(refused.Output));

        environment["Demo__AllowOutsideDevelopment"] = "true";
        var allowed = await HostProcess.RunAsync(["migrate", "--seed-demo"], environment, Timeout);
        Assert.True(allowed.ExitCode == 0, $"exit code {allowed.ExitCode}:\n{allowed.Output}");
        Assert.Equal(48, DemoLogins.Parse(allowed.Output).Count);
    }

    [Fact]
    public async Task Demo_users_an_institution_format_refuses_are_reported_and_nothing_is_written()
    {
        // USNs of ten digits only: the demo's VTU-style USNs break the configured format.
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Users:Formats:UsnPattern"] = "^[0-9]{10}$",
            ["Auth:BootstrapAdmin"] = "false",
        });
        var seeder = app.Services.GetServices<CertifyTrack.Shared.Demo.IDemoSeeder>().Single(s => s.Module == "Users");
        var seeding = new CertifyTrack.Shared.Demo.DemoSeeding("Demo-College-2026");

        var error = await Assert.ThrowsAsync<CertifyTrack.Shared.Demo.DemoSeedingException>(() => seeder.SeedAsync(seeding, Ct));

        Assert.Contains("cse.student01.usn: '1CT", error.Message, StringComparison.Ordinal);
        Assert.Empty(seeding.Logins);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.Users.CountAsync(Ct));
        Assert.Equal(0, await db.AuditLog.CountAsync(Ct));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        try
        {
            scratch.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open leaves a temporary folder behind.
        }

        return ValueTask.CompletedTask;
    }

    private Dictionary<string, string> Environment(TestDatabase database, int port) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Development", // the password grant is on, as for scripts
        ["Database__Provider"] = database.ProviderName,
        ["ConnectionStrings__Default"] = database.ConnectionString,
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Auth__KeysDirectory"] = Path.Combine(scratch.FullName, "keys"),
        ["Email__PickupDirectory"] = Path.Combine(scratch.FullName, "mail"),
        ["CERTIFYTRACK_ADMIN_PASSWORD"] = "Demo-Admin-Pass-1",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
    };

    /// <summary>
    /// Events: each demo club has an event in every state, printed per event; a demo student sees their registrations
    /// (seated, waitlisted, attended) and the published events; the club's president sees the full event's waitlist.
    /// </summary>
    private static async Task DemoEventsAreInForceAsync(HttpClient client, string output, Dictionary<string, (string Role, string Password)> logins)
    {
        Assert.Matches(@"Demo event System design masterclass \(Coding Club\): SCHEDULED on [0-9-]{10} 14:00-16:00; 3/3 seats taken, 3 waitlisted: "
            + "registered cse.student01, registered cse.student02, registered cse.student03, waitlisted 1 cse.student04, waitlisted 2 cse.student09, waitlisted 3 cse.student10.", output);
        Assert.Matches(@"Demo event 24-hour hackathon \(Coding Club\): COMPLETED on [0-9-]{10} 09:00-17:00; 6/20 seats taken, 4 attended: attended cse.student01, ", output);

        var student = await DemoLogins.SignInAsync(client, "cse.student04", logins["cse.student04"].Password);
        var mine = await DataAsync(client, "{ me { student { registrations(first: 20) { nodes { status waitlistPosition event { name status } } } } } events(first: 50) { totalCount nodes { status } } }", student);
        Assert.Equal(
            ["24-hour hackathon COMPLETED ATTENDED ", "Open-source sprint ONGOING REGISTERED ", "System design masterclass SCHEDULED WAITLISTED 1"],
            mine["me"]!["student"]!["registrations"]!["nodes"]!.AsArray()
                .Select(r => $"{r!["event"]!["name"]} {r["event"]!["status"]} {r["status"]} {r["waitlistPosition"]}").Order());
        Assert.Equal(20, mine["events"]!["totalCount"]!.GetValue<int>()); // five published events per club; drafts are their organizers'
        Assert.Equal(["CANCELLED", "COMPLETED", "ONGOING", "SCHEDULED"], mine["events"]!["nodes"]!.AsArray().Select(e => e!["status"]!.GetValue<string>()).Distinct().Order());

        var president = await DemoLogins.SignInAsync(client, "cse.student08", logins["cse.student08"].Password);
        var clubs = await DataAsync(client, "{ clubs(first: 10) { nodes { id name } } }", president);
        var codingId = clubs["clubs"]!["nodes"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "Coding Club")!["id"]!.GetValue<string>();
        var (_, body) = await client.PostGraphQLAsync(
            "query($id: ID!) { events(first: 10, clubId: $id) { nodes { name status registeredCount waitlistedCount registrations(first: 10) { nodes { studentName status waitlistPosition } } } } }",
            new { id = codingId }, accept: "application/json", token: president);
        Assert.Empty(body.ErrorCodes());
        var clubEvents = body["data"]!["events"]!["nodes"]!.AsArray();
        Assert.Equal(["CANCELLED", "COMPLETED", "DRAFT", "ONGOING", "SCHEDULED", "SCHEDULED"], clubEvents.Select(e => e!["status"]!.GetValue<string>()).Order());
        var full = clubEvents.Single(e => e!["name"]!.GetValue<string>() == "System design masterclass")!;
        Assert.Equal((3, 3), (full["registeredCount"]!.GetValue<int>(), full["waitlistedCount"]!.GetValue<int>()));
        Assert.Equal(["1 Sneha Joshi", "2 Nikhil Kamath", "3 Fatima Shaikh"],
            full["registrations"]!["nodes"]!.AsArray().Where(r => r!["status"]!.GetValue<string>() == "WAITLISTED")
                .Select(r => $"{r!["waitlistPosition"]} {r["studentName"]}").Order());
    }

    private static async Task WaitUntilServingAsync(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (attempt < 600)
            {
                // Not listening yet.
            }

            await Task.Delay(100, Ct);
        }
    }

    private static async Task<JsonNode> QueryAsync(HttpClient client, string query, string token)
    {
        var (_, body) = await client.PostGraphQLAsync(query, accept: "application/json", token: token);
        Assert.Empty(body.ErrorCodes());
        return body["data"]!["me"]!;
    }

    private static async Task<JsonNode> DataAsync(HttpClient client, string query, string token)
    {
        var (_, body) = await client.PostGraphQLAsync(query, accept: "application/json", token: token);
        Assert.Empty(body.ErrorCodes());
        return body["data"]!;
    }
}
