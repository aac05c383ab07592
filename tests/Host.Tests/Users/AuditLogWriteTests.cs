using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Audit;
using CertifyTrack.Shared.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>Writing audit rows inside the caller's transaction, and the append-only rules.</summary>
public sealed class AuditLogWriteTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_entry_commits_and_rolls_back_with_the_callers_transaction(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;

        // Any module's context will do: the audit row rides on its connection and transaction.
        await using (var caller = await app.CreateDbContextAsync())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => app.Audit.RecordAsync(caller, new AuditEntry("x.no_tx"), ct));

            await using (var tx = await caller.Database.BeginTransactionAsync(ct))
            {
                await app.Audit.RecordAsync(caller, new AuditEntry("x.rolled_back"), ct);
                await tx.RollbackAsync(ct);
            }

            await using (var tx = await caller.Database.BeginTransactionAsync(ct))
            {
                await app.Audit.RecordAsync(caller, new AuditEntry("x.committed", "Thing", "1"), ct);
                await tx.CommitAsync(ct);
            }
        }

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(["x.committed"], await db.AuditLog.Select(a => a.Action).ToListAsync(ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_survive_the_deletion_of_their_actor(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var actor = await app.AddUserAsync("leaver");
        await app.Audit.RecordAsync(new AuditEntry("profile.updated") { ActorId = actor }, ct);

        await using var db = await app.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == actor).ExecuteDeleteAsync(ct);

        var row = await db.AuditLog.AsNoTracking().SingleAsync(ct);
        Assert.Null(row.UserId);
        Assert.Equal("leaver", row.ActorUsername);
    }

    [Fact]
    public async Task On_PostgreSQL_the_trigger_refuses_updates_and_deletes()
    {
        await using var app = await UsersApp.StartAsync("postgres");
        var ct = TestContext.Current.CancellationToken;
        await app.Audit.RecordAsync(new AuditEntry("x.kept"), ct);
        await using var db = await app.CreateDbContextAsync();

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE api_auditlog SET action = 'x.forged'", ct));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM api_auditlog", ct));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE api_auditlog", ct));

        // The sweep's setting does not open the door to recent rows.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT set_config('certifytrack.audit_retention_cutoff', '2100-01-01T00:00:00Z', true)", ct);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM api_auditlog", ct));
        await tx.RollbackAsync(ct);

        Assert.Equal(["x.kept"], await db.AuditLog.Select(a => a.Action).ToListAsync(ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_retention_sweep_deletes_only_rows_older_than_the_retention(string provider)
    {
        // Starts four years back; the clock then moves to (about) today, which the trigger's 365-day floor checks against now().
        var today = DateTimeOffset.UtcNow;
        await using var app = await UsersApp.StartAsync(provider, today.AddYears(-4));
        var ct = TestContext.Current.CancellationToken;
        await app.Audit.RecordAsync(new AuditEntry("x.old"), ct);
        app.Time.Advance(today.AddDays(-1000) - app.Time.GetUtcNow());   // retention: 3 × 365 days
        await app.Audit.RecordAsync(new AuditEntry("x.just_kept"), ct);
        app.Time.Advance(today - app.Time.GetUtcNow());
        await app.Audit.RecordAsync(new AuditEntry("x.new"), ct);

        await app.App.Services.GetRequiredService<AuditRetention>().SweepAsync(ct);

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(["x.just_kept", "x.new"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(ct));
    }
}
