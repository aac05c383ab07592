using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Integration;

/// <summary>A handler's effect: one row per handled event, written in the handler's transaction.</summary>
internal sealed class LedgerEntry
{
    public long Id { get; set; }

    public required string Handler { get; set; }

    public string? Key { get; set; }

    public int Seq { get; set; }

    public required string Text { get; set; }
}

/// <summary>The test module's own context, registered as modules register theirs (AddModuleDbContext).</summary>
internal class LedgerDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<LedgerEntry> Entries => Set<LedgerEntry>();

    // No unique index on (handler, text): a doubled effect must show as two rows.
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<LedgerEntry>().ToTable("outbox_test_ledger");
}

internal sealed class LedgerSqliteDbContext(DbContextOptions<LedgerSqliteDbContext> options) : LedgerDbContext(options);

internal sealed class LedgerPostgresDbContext(DbContextOptions<LedgerPostgresDbContext> options) : LedgerDbContext(options);

/// <summary>The test module's durable event, versioned as a module's contract would be.</summary>
[IntegrationEvent("tests.item-added", 1)]
internal sealed record ItemAdded(string? Key, int Seq, string Text) : IDurableIntegrationEvent
{
    public string? OrderingKey => Key;
}

/// <summary>Writes the effect, then lets the <see cref="HandlerScript"/> fail, block or pass the attempt.</summary>
internal abstract class RecordingHandler(string name, HandlerScript script) : IDurableIntegrationEventHandler<ItemAdded, LedgerDbContext>
{
    public async Task HandleAsync(ItemAdded integrationEvent, LedgerDbContext db, CancellationToken cancellationToken)
    {
        db.Entries.Add(new LedgerEntry { Handler = name, Key = integrationEvent.Key, Seq = integrationEvent.Seq, Text = integrationEvent.Text });
        await db.SaveChangesAsync(cancellationToken);   // the effect is written before the attempt may fail
        await script.AttemptAsync(name, integrationEvent.Text, cancellationToken);
    }
}

internal sealed class LedgerHandler(HandlerScript script) : RecordingHandler(Name, script)
{
    public const string Name = "tests.ledger";
}

internal sealed class TallyHandler(HandlerScript script) : RecordingHandler(Name, script)
{
    public const string Name = "tests.tally";
}
