using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// <c>importUsers</c> runs under its own, longer timeout (<c>Users:Import:ExecutionTimeout</c>)
/// while every other operation keeps <c>GraphQL:Limits:ExecutionTimeout</c>.
/// </summary>
public sealed class ImportTimeoutTests
{
    private const string Import = "mutation($csv: String!) { importUsers(input: { csv: $csv }) { importedCount userErrors { code } } }";
    private const string Csv = "username,email,first_name,last_name,user_type\nuser1,u1@example.edu,A,B,admin\nuser2,u2@example.edu,A,B,admin\n";
    private const string Create = """mutation { createUser(input: { username: "carol", email: "c@example.edu", firstName: "C", lastName: "D", userType: ADMIN }) { userErrors { code } } }""";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_outlives_the_general_timeout_that_stops_other_operations(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["GraphQL:Limits:ExecutionTimeout"] = "00:00:00.001" });
        var (_, admin) = await app.AdminAsync();

        // Stopped by the general timeout: before its commit, or (a 1 ms timer fired late) after it.
        var code = Assert.Single((await app.QueryAsync(Create, admin)).ErrorCodes());
        Assert.True(code is "EXECUTION_TIMEOUT" or "EXECUTION_TIMEOUT_AFTER_COMMIT", code);
        var imported = await app.QueryAsync(Import, admin, new { csv = Csv });
        Assert.Equal("""{"data":{"importUsers":{"importedCount":2,"userErrors":[]}}}""", imported.ToJson());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_import_timeout_is_configurable_and_a_timed_out_import_writes_nothing(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["GraphQL:Limits:ExecutionTimeout"] = "00:00:00.001",
            ["Users:Import:ExecutionTimeout"] = "00:00:00.002",
        });
        var (_, admin) = await app.AdminAsync();

        // Big enough (about a second of work) that the 2 ms timer fires before the commit even on a
        // loaded machine, whose thread pool may run the timer's callback late.
        var rows = string.Concat(Enumerable.Range(1, 2000).Select(i => $"user{i},u{i}@example.edu,A,B,admin\n"));
        var csv = "username,email,first_name,last_name,user_type\n" + rows;
        Assert.Equal(["EXECUTION_TIMEOUT"], (await app.QueryAsync(Import, admin, new { csv })).ErrorCodes());
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));   // only root
    }
}
