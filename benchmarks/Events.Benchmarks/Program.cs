using System.Globalization;
using CertifyTrack.Benchmarks.Common;
using Npgsql;

namespace CertifyTrack.Events.Benchmarks;

/// <summary>
/// The registration burst of issue #12 on PostgreSQL over real HTTP: N students with real tokens,
/// one scheduled event with S seats, all N <c>registerForEvent</c> at once, then S concurrent
/// <c>cancelRegistration</c> by the seated students. Checks seats, waitlist positions and promotions
/// (exit 1 when one fails) and prints wall time, req/s, latency percentiles and SQL per request.
/// </summary>
internal static class Program
{
    private const int WarmUpStudents = 20;

    public static async Task<int> Main(string[] args)
    {
        var students = Option(args, "--students", 2000);
        var seats = Option(args, "--seats", 100);
        var connections = Option(args, "--connections", students);
        // The server's max_connections (100 here) is shared with everything else on it: the pool must stay below it.
        var pool = Option(args, "--pool", 50);
        var poolWait = Option(args, "--pool-wait", 60);
        if (BenchDatabase.PostgresServer is not { } server)
        {
            Console.Error.WriteLine("Set CERTIFYTRACK_BENCH_POSTGRES (or CERTIFYTRACK_TEST_POSTGRES) to a PostgreSQL server connection string.");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}; {students} students, {seats} seats, {connections} client connections, Npgsql Maximum Pool Size {pool}, Timeout {poolWait} s (the wait for a pooled connection)"));
        await using var database = await BenchDatabase.PostgresAsync(server);
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = pool, Timeout = poolWait }.ConnectionString;
        await using var host = new BenchHost("postgres", connectionString).RaiseLimits().AllowPasswordSignIn(database.Folder)
            .With("Connections:PerIp", "0")   // every client connection comes from 127.0.0.1
            // 2,000 requests queue for 2 cores: the per-request time limits (2 s validation, 15 s execution) would
            // answer a loaded machine's wait as errors; what is measured is the burst's wall time.
            .With("GraphQL:Limits:ValidationTimeout", "00:01:00")
            .With("GraphQL:Limits:ExecutionTimeout", "00:03:00");
        var baseAddress = host.StartKestrel();
        using var client = new GraphQLClient(baseAddress, connections);
        using var counter = new CommandCounter();

        // Setup, not timed: students and their tokens, the club, its president, the events.
        var created = await BenchStudents.CreateAsync(host.Services, students + WarmUpStudents + 1);
        var tokens = await BenchStudents.SignInAsync(baseAddress, created);
        var setup = new BurstSetup(client, baseAddress);
        await setup.ClubAsync(tokens[^1]);
        var warmEvent = await setup.ScheduledEventAsync("Warm-up", WarmUpStudents / 4);
        var eventId = await setup.ScheduledEventAsync("Robot workshop", seats);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(i => client.SendAsync(tokens[i % students], "{ __typename }")));
        var warm = Enumerable.Range(students, WarmUpStudents).ToList();
        await Burst.RunAsync("warm-up (JIT, pools)", client, counter, warm, tokens, Burst.Register, "registerForEvent", warmEvent);
        await Burst.RunAsync("warm-up cancellations", client, counter, warm[..(WarmUpStudents / 4)], tokens, Burst.Cancel, "cancelRegistration", warmEvent);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average before the burst: {LoadAverage()}"));

        var checks = new BurstChecks(connectionString, students, seats);
        var registered = await Burst.RunAsync("registerForEvent burst", client, counter, [.. Enumerable.Range(0, students)], tokens, Burst.Register, "registerForEvent", eventId);
        await checks.RegistrationsAsync(registered);
        var seated = registered.Where(a => a.RegistrationStatus == "REGISTERED").Select(a => a.Student).ToList();
        var cancelled = await Burst.RunAsync("cancelRegistration by the seated", client, counter, seated, tokens, Burst.Cancel, "cancelRegistration", eventId);
        await checks.PromotionsAsync(registered, cancelled);
        Console.WriteLine(checks.Failures.Count == 0 ? "all checks passed" : $"{checks.Failures.Count} check(s) FAILED");
        return checks.Failures.Count == 0 ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
