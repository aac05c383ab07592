using System.Diagnostics;
using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Outbox.Benchmarks;

/// <summary>The row a measured command writes (its own change, before the publish).</summary>
internal sealed class BenchCommand
{
    public long Id { get; set; }

    public int N { get; set; }
}

/// <summary>The row the handler writes (its effect, in the dispatcher's transaction).</summary>
internal sealed class BenchEffect
{
    public long Id { get; set; }

    public int N { get; set; }
}

internal class BenchDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<BenchCommand> Commands => Set<BenchCommand>();

    public DbSet<BenchEffect> Effects => Set<BenchEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchCommand>().ToTable("bench_command");
        modelBuilder.Entity<BenchEffect>().ToTable("bench_effect").HasIndex(e => e.N).IsUnique();   // a doubled effect fails loudly
    }
}

internal sealed class BenchSqliteDbContext(DbContextOptions<BenchSqliteDbContext> options) : BenchDbContext(options);

internal sealed class BenchPostgresDbContext(DbContextOptions<BenchPostgresDbContext> options) : BenchDbContext(options);

/// <summary>Published with the process's monotonic clock: both instances run in this process.</summary>
[IntegrationEvent("bench.ping", 1)]
internal sealed record BenchPing(int N, string Key, long PublishedAt) : IDurableIntegrationEvent
{
    public string? OrderingKey => Key;
}

/// <summary>Latencies from publish to handler, by message number; completes when all are in.</summary>
internal sealed class BenchRecorder
{
    private long[] latencies = [];
    private int handled;
    private int target;
    private int offset;
    private TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits for messages <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public Task Expect(int first, int count)
    {
        offset = first;
        latencies = new long[count];
        handled = 0;
        target = count;
        done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return done.Task;
    }

    public long LastHandledAt { get; private set; }

    public long[] Latencies => latencies;

    public void Handled(BenchPing ping)
    {
        var now = Stopwatch.GetTimestamp();
        latencies[ping.N - offset] = now - ping.PublishedAt;
        LastHandledAt = now;
        if (Interlocked.Increment(ref handled) == target)
        {
            done.TrySetResult();
        }
    }
}

internal sealed class BenchHandler(BenchRecorder recorder) : IDurableIntegrationEventHandler<BenchPing, BenchDbContext>
{
    public Task HandleAsync(BenchPing integrationEvent, BenchDbContext db, CancellationToken cancellationToken)
    {
        db.Effects.Add(new BenchEffect { N = integrationEvent.N });
        recorder.Handled(integrationEvent);
        return Task.CompletedTask;
    }
}
