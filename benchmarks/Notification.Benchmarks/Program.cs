using System.Diagnostics;
using System.Globalization;
using CertifyTrack.Benchmarks.Common;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Email;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Notification.Benchmarks;

/// <summary>
/// Times <c>INotifier.NotifyManyAsync</c> with 1,000 recipients inside the real host's services,
/// on a fresh SQLite file and a fresh PostgreSQL database: in the app only, in the app and by
/// email, and — for comparison — the same 1,000 emails queued one <c>IEmailOutbox.EnqueueAsync</c>
/// at a time. Each measured call runs in its own transaction, commit included, and prints the
/// SQL commands it cost.
/// </summary>
internal static class NotificationBenchmark
{
    private const int Recipients = INotifier.MaxRecipients;
    private const int Runs = 5;

    public static async Task<int> Main()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {Recipients} recipients, median of {Runs} runs after one warm-up"));
        using var counter = new CommandCounter();
        await BenchDatabase.ForEachAsync(database => RunAsync(database.Provider, database.ConnectionString, counter));
        return 0;
    }

    private static async Task RunAsync(string provider, string connectionString, CommandCounter counter)
    {
        await using var app = new BenchHost(provider, connectionString);
        var services = app.Services;   // starts the host: migrations, bootstrap admin
        var factory = services.GetRequiredService<IDbContextFactory<UsersDbContext>>();
        var ids = await SeedAsync(factory);
        var notifier = services.GetRequiredService<INotifier>();
        var outbox = services.GetRequiredService<IEmailOutbox>();
        var emails = await factory.CreateDbContextAsync();
        var addresses = await emails.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Email).ToListAsync();
        await emails.DisposeAsync();

        var inApp = new NotificationRequest(NotificationKinds.EventReminder, "Tomorrow: Robotics workshop", "The workshop starts at 10:00 in Seminar Hall A.") { SendEmail = false };
        var both = inApp with { SendEmail = true };
        await MeasureAsync(provider, "NotifyManyAsync, in-app only", factory, counter, (db, ct) => notifier.NotifyManyAsync(db, ids, inApp, ct));
        await MeasureAsync(provider, "NotifyManyAsync, in-app + email", factory, counter, (db, ct) => notifier.NotifyManyAsync(db, ids, both, ct));
        await MeasureAsync(provider, "1,000 x IEmailOutbox.EnqueueAsync (comparison)", factory, counter, async (db, ct) =>
        {
            foreach (var address in addresses)
            {
                await outbox.EnqueueAsync(db, new EmailMessage(address, "notification", new Dictionary<string, string?>
                {
                    ["title"] = both.Title, ["message"] = both.Message, ["link"] = "http://localhost:5000/", ["security"] = "no",
                }), ct);
            }

            return addresses.Count;
        });
    }

    private static async Task MeasureAsync(
        string provider, string label, IDbContextFactory<UsersDbContext> factory, CommandCounter counter, Func<DbContext, CancellationToken, Task<int>> work)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        (int Ef, int Npgsql) commands = default;
        for (var run = 0; run <= Runs; run++)
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            counter.Take();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var written = await work(db, CancellationToken.None);
                await tx.CommitAsync();
                if (written != Recipients)
                {
                    throw new InvalidOperationException($"{label}: {written} rows written, {Recipients} expected.");
                }
            }

            watch.Stop();
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            commands = counter.Take();
            if (run > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(cpuUsed.TotalMilliseconds);
            }
        }

        times.Sort();
        cpu.Sort();
        var npgsql = provider == "postgres" ? string.Create(CultureInfo.InvariantCulture, $", {commands.Npgsql,4} Npgsql round trips") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-8} {label,-48} median {times[times.Count / 2],7:F1} ms (min {times[0],7:F1})  CPU {cpu[cpu.Count / 2],6:F0} ms   {commands.Ef,4} EF statements{npgsql}"));
    }

    /// <summary>1,000 active students with verified addresses and default preferences.</summary>
    private static async Task<List<long>> SeedAsync(IDbContextFactory<UsersDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var users = Enumerable.Range(0, Recipients).Select(i =>
        {
            var user = new User { FirstName = "Student", LastName = $"{i}", IsEmailVerified = true, DateJoined = DateTime.UtcNow };
            user.SetUsername($"bench{i}");
            user.SetEmail($"bench{i}@college.edu");
            return user;
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return [.. users.Select(u => u.Id)];
    }
}
