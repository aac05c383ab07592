using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CertifyTrack.Host.Tests.Integration;

/// <summary>Two host instances on one PostgreSQL database share the dispatching: every message reaches every handler once.</summary>
public sealed class TwoInstanceDeliveryTests
{
    [Fact]
    public async Task A_thousand_messages_published_on_two_instances_take_effect_once_per_handler_in_key_order()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);   // one clock: rows one instance writes are due for the other
        await using var a = await LedgerApp.StartAsync(database, time);
        await using var b = await LedgerApp.StartAsync(database, time, createTable: false);

        // 20 publishers (10 on each instance), each owning 5 keys, publish 50 messages each: 1,000,
        // in transactions of 1 to 3 messages.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(p => Task.Run(async () =>
        {
            var app = p % 2 == 0 ? a : b;
            var seq = new int[5];
            for (var i = 0; i < 50;)
            {
                var batch = Math.Min(1 + (i % 3), 50 - i);
                await using var db = app.Ledger();
                await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
                for (var j = 0; j < batch; j++, i++)
                {
                    var key = i % 5;
                    await app.Bus.PublishAsync(db, new ItemAdded($"p{p}-k{key}", ++seq[key], $"p{p}-m{i}"), TestContext.Current.CancellationToken);
                }

                await transaction.CommitAsync(TestContext.Current.CancellationToken);
            }
        })));

        await LedgerApp.WaitUntilAsync(async () => (await a.EntriesAsync()).Count >= 2000, TimeSpan.FromMinutes(3));

        var entries = await a.EntriesAsync();
        Assert.Equal(2000, entries.Count);
        foreach (var handler in new[] { LedgerHandler.Name, TallyHandler.Name })
        {
            var mine = entries.Where(e => e.Handler == handler).ToList();
            Assert.Equal(1000, mine.Select(e => e.Text).Distinct().Count());
            Assert.All(mine.GroupBy(e => e.Key), key => Assert.Equal(Enumerable.Range(1, key.Count()), key.Select(e => e.Seq)));
            Assert.All(mine, e => Assert.Equal(1, a.Script.Attempts(handler, e.Text) + b.Script.Attempts(handler, e.Text)));
        }

        var rows = await a.RowsAsync();
        Assert.Equal(2000, rows.Count);
        Assert.All(rows, r => Assert.Equal((OutboxState.Delivered, 1), (r.State, r.Attempts)));
        Assert.True(!a.Script.Log.IsEmpty && !b.Script.Log.IsEmpty, $"Both instances dispatch: a {a.Script.Log.Count}, b {b.Script.Log.Count}");
    }
}
