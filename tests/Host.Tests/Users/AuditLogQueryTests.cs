using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.Audit;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>auditLog</c> through /graphql: admins list and filter, everyone else is refused.</summary>
public sealed class AuditLogQueryTests
{
    private const string Query = """
        query($first: Int, $after: String, $where: AuditLogFilter) {
          auditLog(first: $first, after: $after, where: $where) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { id action entityType entityId timestamp actorUsername changes user { username } }
          }
        }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Admin_lists_filters_and_pages_the_audit_log(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var admin = await app.AddUserAsync("Admin.One", UserKind.Admin);
        var ct = TestContext.Current.CancellationToken;
        for (var i = 1; i <= 3; i++)
        {
            await app.Audit.RecordAsync(
                new AuditEntry("event.cancelled", "Event", $"{i}") { ActorId = admin, OldValues = new { status = "scheduled" }, NewValues = new { status = "cancelled", reason = "rain" } }, ct);
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await app.Audit.RecordAsync(new AuditEntry("user.disabled", "User", "99"), ct);
        var token = TestAuthenticationHandler.Token(admin.ToString(System.Globalization.CultureInfo.InvariantCulture), "admin");

        var first = await app.QueryAsync(Query, token, new { first = 2, where = new { action = new { eq = "EVENT.cancelled" } } });
        Assert.Empty(first.ErrorCodes());
        var page = first.Data("auditLog");
        Assert.Equal(3, page["totalCount"]!.GetValue<int>());
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var nodes = page["nodes"]!.AsArray();
        Assert.Equal(["3", "2"], nodes.Select(n => n!["entityId"]!.GetValue<string>()));   // newest first
        Assert.Equal("Admin.One", nodes[0]!["user"]!["username"]!.GetValue<string>());
        Assert.Equal("Admin.One", nodes[0]!["actorUsername"]!.GetValue<string>());
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse("""{"old":{"status":"scheduled"},"new":{"status":"cancelled","reason":"rain"}}"""), nodes[0]!["changes"]));
        Assert.Equal("2026-06-01T09:02:00Z", nodes[0]!["timestamp"]!.GetValue<string>().Replace(".000", "", StringComparison.Ordinal));

        var second = await app.QueryAsync(Query, token, new { first = 2, after = page["pageInfo"]!["endCursor"]!.GetValue<string>(), where = new { action = new { eq = "event.cancelled" } } });
        Assert.Equal(["1"], second.Data("auditLog")["nodes"]!.AsArray().Select(n => n!["entityId"]!.GetValue<string>()));

        var byTime = await app.QueryAsync(Query, token, new { where = new { entityType = new { eq = "Event" }, timestamp = new { gte = "2026-06-01T09:01:00Z" } } });
        Assert.Equal(2, byTime.Data("auditLog")["totalCount"]!.GetValue<int>());

        var system = await app.QueryAsync(Query, token, new { where = new { action = new { eq = "user.disabled" } } });
        var row = system.Data("auditLog")["nodes"]![0]!;
        Assert.Null(row["user"]);
        Assert.Null(row["changes"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Non_admins_are_forbidden_and_anonymous_callers_unauthenticated(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);

        var student = await app.QueryAsync(Query, TestAuthenticationHandler.Token("7", "student", "mentor"));
        Assert.Equal(["FORBIDDEN"], student.ErrorCodes());
        Assert.Null(student["data"]);

        var anonymous = await app.QueryAsync(Query);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes());
    }
}
