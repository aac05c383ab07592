using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.Audit;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>GET /exports/audit-log.csv</c>: admins only, filtered, RFC 4180 quoting.</summary>
public sealed class AuditLogCsvExportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Admins_export_the_filtered_audit_log_as_csv(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.Audit.RecordAsync(new AuditEntry("event.cancelled, \"twice\"", "Event", "1"), ct);
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.Audit.RecordAsync(new AuditEntry("user.disabled", "User", "2"), ct);

        using var response = await app.GetAsync("/exports/audit-log.csv?entityType=event", TestAuthenticationHandler.Token("1", "admin"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,timestamp,user_id,actor_username,action,entity_type,entity_id,ip_address,old_values,new_values", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("1,2026-06-01T09:00:00", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"event.cancelled, \"\"twice\"\"\",Event,1,,,", lines[1], StringComparison.Ordinal);

        using var all = await app.GetAsync("/exports/audit-log.csv?from=2026-06-01T09:30:00Z", TestAuthenticationHandler.Token("1", "admin"));
        var allLines = (await all.Content.ReadAsStringAsync(ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, allLines.Length);
        Assert.Contains(",user.disabled,User,2,", allLines[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Others_are_refused(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);

        using var anonymous = await app.GetAsync("/exports/audit-log.csv", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var mentor = await app.GetAsync("/exports/audit-log.csv", TestAuthenticationHandler.Token("5", "mentor"));
        Assert.Equal(HttpStatusCode.Forbidden, mentor.StatusCode);
        using var bad = await app.GetAsync("/exports/audit-log.csv?from=yesterday", TestAuthenticationHandler.Token("1", "admin"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
