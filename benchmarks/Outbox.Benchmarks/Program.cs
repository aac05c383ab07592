using System.Diagnostics;
using System.Globalization;
using CertifyTrack.Benchmarks.Common;
using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Outbox.Benchmarks;

/// <summary>
/// Durable integration events on PostgreSQL through the real host: N commands (a row of their own,
/// then <c>IEventBus.PublishAsync</c>, then the commit) run by concurrent workers on one and on two
/// host instances over one database, each instance dispatching. Prints the cost the publish adds to
/// a command, publish→handled latency percentiles and messages handled per second.
/// </summary>
internal static class OutboxBenchmark
{
    private const int Keys = 100;
    private const int WarmUp = 500;
    private const int Paced = 200;

    public static async Task<int> Main(string[] args)
    {
        var messages = Option(args, "--messages", 10_000);
        var concurrency = Option(args, "--concurrency", 16);
        if (BenchDatabase.PostgresServer is not { } server)
        {
            Console.WriteLine("skipped: set CERTIFYTRACK_BENCH_POSTGRES to a PostgreSQL server connection string");
            return 0;
        }

        Console.WriteLine(Invariant($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {messages} messages, {concurrency} concurrent commands, {Keys} keys"));
        Console.WriteLine("| instances | command µs (no publish) | command µs (publish) | added µs | PublishAsync µs | p50 ms | p95 ms | p99 ms | messages/s | CPU ms/command (no publish → publish + delivery) | paced p50 / p95 / p99 ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var instances in new[] { 1, 2 })
        {
            await using var database = await BenchDatabase.PostgresAsync(server);
            await RunAsync(database.ConnectionString, instances, messages, concurrency);
        }

        return 0;
    }

    private static async Task RunAsync(string connectionString, int instances, int messages, int concurrency)
    {
        var recorder = new BenchRecorder();
        var apps = Enumerable.Range(0, instances).Select(_ => BenchModule.Host(connectionString, recorder)).ToList();
        try
        {
            foreach (var app in apps)
            {
                _ = app.Services;   // starts the host: the first one migrates
            }

            await using (var db = Factory(apps[0]).CreateDbContext())
            {
                await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
            }

            var warm = recorder.Expect(1_000_000, WarmUp);
            await CommandsAsync(apps, 1_000_000, WarmUp, concurrency, publish: true);
            await warm.WaitAsync(TimeSpan.FromMinutes(5));

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var plain = await CommandsAsync(apps, 2_000_000, messages, concurrency, publish: false);
            var plainCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var all = recorder.Expect(0, messages);
            var start = Stopwatch.GetTimestamp();
            var published = await CommandsAsync(apps, 0, messages, concurrency, publish: true);
            await all.WaitAsync(TimeSpan.FromMinutes(15));
            var seconds = Stopwatch.GetElapsedTime(start, recorder.LastHandledAt).TotalSeconds;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await VerifyAsync(apps[0], WarmUp + messages);
            var latencies = Milliseconds(recorder.Latencies);

            // Without a backlog: one command at a time, 20 ms apart, so the latency is the wake-up
            // (NOTIFY to the instance's dispatcher) and one delivery.
            var paced = recorder.Expect(3_000_000, Paced);
            for (var i = 0; i < Paced; i++)
            {
                await CommandsAsync([apps[i % apps.Count]], 3_000_000 + i, 1, 1, publish: true);
                await Task.Delay(20);
            }

            await paced.WaitAsync(TimeSpan.FromMinutes(5));
            var pacedLatencies = Milliseconds(recorder.Latencies);
            Console.WriteLine(Invariant(
                $"| {instances} | {plain.Command:F0} | {published.Command:F0} | {published.Command - plain.Command:F0} | {published.Publish:F0} | {Percentile(latencies, 50):F1} | {Percentile(latencies, 95):F1} | {Percentile(latencies, 99):F1} | {messages / seconds:F0} | {plainCpu.TotalMilliseconds / messages:F2} → {cpu.TotalMilliseconds / messages:F2} | {Percentile(pacedLatencies, 50):F1} / {Percentile(pacedLatencies, 95):F1} / {Percentile(pacedLatencies, 99):F1} |"));
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Runs <paramref name="count"/> commands on <paramref name="concurrency"/> workers, spread over the instances; mean µs per command and per publish.</summary>
    private static async Task<(double Command, double Publish)> CommandsAsync(List<BenchHost> apps, int first, int count, int concurrency, bool publish)
    {
        var next = -1;
        long commandTicks = 0;
        long publishTicks = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var app = apps[worker % apps.Count];
            var factory = Factory(app);
            var bus = app.Services.GetRequiredService<IEventBus>();
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var n = first + i;
                var started = Stopwatch.GetTimestamp();
                await using var db = await factory.CreateDbContextAsync();
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Commands.Add(new BenchCommand { N = n });
                await db.SaveChangesAsync();
                if (publish)
                {
                    var before = Stopwatch.GetTimestamp();
                    await bus.PublishAsync(db, new BenchPing(n, $"key-{n % Keys}", before), CancellationToken.None);
                    Interlocked.Add(ref publishTicks, Stopwatch.GetTimestamp() - before);
                }

                await transaction.CommitAsync();
                Interlocked.Add(ref commandTicks, Stopwatch.GetTimestamp() - started);
            }
        })));
        return (Micros(commandTicks) / count, Micros(publishTicks) / count);
    }

    /// <summary>
    /// Every message took effect exactly once (the effect's unique index refuses a second). The
    /// recorder hears a handler before its commit: the last commits may still be on their way.
    /// </summary>
    private static async Task VerifyAsync(BenchHost app, int expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = Factory(app).CreateDbContext();
            var effects = await db.Effects.CountAsync();
            var open = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM integration_outbox WHERE state <> 1").SingleAsync();
            if (effects == expected && open == 0)
            {
                return;
            }

            if (attempt == 50)
            {
                throw new InvalidOperationException($"{effects} effects ({expected} expected), {open} rows not delivered.");
            }

            await Task.Delay(100);
        }
    }

    private static IDbContextFactory<BenchDbContext> Factory(BenchHost app) => app.Services.GetRequiredService<IDbContextFactory<BenchDbContext>>();

    private static double[] Milliseconds(long[] ticks) => [.. ticks.Select(t => Stopwatch.GetElapsedTime(0, t).TotalMilliseconds).Order()];

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static double Percentile(double[] sorted, int percent) => sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
