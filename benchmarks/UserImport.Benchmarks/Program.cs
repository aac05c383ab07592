using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CertifyTrack.Benchmarks.Common;

namespace CertifyTrack.UserImport.Benchmarks;

/// <summary>
/// Times <c>importUsers</c> with 10,000 CSV rows through the real host's <c>POST /graphql</c>, on a
/// fresh SQLite file and on a fresh PostgreSQL database (when <c>CERTIFYTRACK_BENCH_POSTGRES</c>
/// or <c>CERTIFYTRACK_TEST_POSTGRES</c> names a server): a 100-row warm-up, a 10,000-row dry run
/// (every check, no writes), then the 10,000-row import.
/// </summary>
internal static class ImportBenchmark
{
    private const int Rows = 10_000;

    public static async Task<int> Main()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {Rows} rows (2% mentors, 98% students with a mentor from the file)"));
        await BenchDatabase.ForEachAsync(database => RunAsync(database.Provider, database.ConnectionString));
        return 0;
    }

    private static async Task RunAsync(string provider, string connectionString)
    {
        await using var app = AdminScheme.Host(provider, connectionString);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench-admin");
        await ImportAsync(client, Csv("warm", 100), dryRun: false);
        var dry = await ImportAsync(client, Csv("u", Rows), dryRun: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: dry run {dry.TotalMilliseconds:F0} ms"));
        var real = await ImportAsync(client, Csv("u", Rows), dryRun: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-8}  dry run (validate only) {dry.TotalMilliseconds,7:F0} ms   import {real.TotalMilliseconds,7:F0} ms   ({Rows / real.TotalSeconds:F0} users/s)"));
    }

    private static async Task<TimeSpan> ImportAsync(HttpClient client, string csv, bool dryRun)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($input: ImportUsersInput!) { importUsers(input: $input) { importedCount checkedCount userErrors { code message field } } }",
            variables = new { input = new { csv, dryRun } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        watch.Stop();
        var payload = body?["data"]?["importUsers"];
        if (payload is null || payload["userErrors"]!.AsArray().Count > 0)
        {
            throw new InvalidOperationException($"The import failed: {body?.ToJsonString()[..Math.Min(2000, body.ToJsonString().Length)]}");
        }

        return watch.Elapsed;
    }

    private static string Csv(string prefix, int rows)
    {
        var mentors = Math.Max(1, rows / 50);
        var csv = new StringBuilder("username,email,first_name,last_name,user_type,usn,department,semester,admission_type,mentor_employee_id,employee_id,designation\n");
        for (var i = 0; i < rows; i++)
        {
            if (i < mentors)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{prefix}m{i},{prefix}m{i}@college.edu,Mentor,M{i},mentor,,CSE,,,,{prefix}E{i},Professor\n");
            }
            else
            {
                csv.Append(CultureInfo.InvariantCulture, $"{prefix}s{i},{prefix}s{i}@college.edu,Student,S{i},student,{prefix}1CS{i:D6},CSE,{1 + (i % 8)},regular,{prefix}E{i % mentors},,\n");
            }
        }

        return csv.ToString();
    }
}
