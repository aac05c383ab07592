using System.Diagnostics;
using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Persistence;

public sealed class HealthEndpointTests
{
    /// <summary>
    /// A probe answers within the check's own 3 s timeout, database or not: never Npgsql's 15 s
    /// connect timeout or a retry loop. (The margin is for a loaded CI machine.)
    /// </summary>
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Live_and_ready_answer_200_when_the_database_answers(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/live"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/ready"));
    }

    [Fact]
    public async Task Ready_answers_503_and_live_200_when_PostgreSQL_does_not_answer()
    {
        await using var app = await TestApp.StartAsync("sqlite", settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:Default"] = ClosedPort.PostgresConnectionString(),
            ["Database:MigrateOnStart"] = "false",
        });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/live"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/health/ready"));
    }

    [Fact]
    public async Task Ready_answers_503_and_live_200_when_the_SQLite_file_is_missing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "certifytrack-missing-" + Guid.NewGuid().ToString("N"), "app.db");
        await using var app = await TestApp.StartAsync("sqlite", settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={missing}",
            ["Database:MigrateOnStart"] = "false",
        });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/live"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/health/ready"));
        Assert.False(File.Exists(missing), "The readiness probe must not create the database file.");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(watch.Elapsed < Fast, $"{path} took {watch.Elapsed}.");
        return response.StatusCode;
    }
}
