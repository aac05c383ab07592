using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Integration;

/// <summary>Durable integration events through the real host: published in the command's transaction, delivered once per handler.</summary>
public sealed class DeliveryTests
{
    private static readonly string[] Handlers = [LedgerHandler.Name, TallyHandler.Name];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_committed_command_is_delivered_to_every_handler_and_a_rolled_back_one_never(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await LedgerApp.StartAsync(database);

        var (_, failed) = await app.Client.PostGraphQLAsync("""mutation { addItems(key: "k", texts: ["rolled back"], fail: true) }""");
        var (_, body) = await app.Client.PostGraphQLAsync("""mutation { addItems(key: "k", texts: ["committed"]) }""");

        Assert.Equal(["INTERNAL_SERVER_ERROR"], failed.ErrorCodes());
        Assert.Equal("""{"data":{"addItems":1}}""", body.ToJson());
        await LedgerApp.WaitUntilAsync(async () => (await app.EntriesAsync()).Count == 2);
        var entries = await app.EntriesAsync();
        Assert.Equal(Handlers, entries.Select(e => e.Handler).Order());
        Assert.All(entries, e => Assert.Equal("committed", e.Text));
        var rows = await app.RowsAsync();
        Assert.Equal(Handlers, rows.Select(r => r.Handler));
        Assert.All(rows, r => Assert.Equal((OutboxState.Delivered, 1, "tests.item-added.v1", "k"), (r.State, r.Attempts, r.MessageType, r.OrderingKey)));
        Assert.Single(rows.Select(r => r.MessageId).Distinct());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_stopped_after_the_commit_and_before_delivery_delivers_on_the_next_start(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await LedgerApp.StartAsync(database);
        var begun = first.Script.Block(LedgerHandler.Name, "survivor");
        await first.PublishAsync("k", "survivor");
        await begun.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        await first.DisposeAsync();   // stops mid-delivery: the handler's transaction rolls back

        Assert.DoesNotContain(await LedgerRowsOf(database), e => e.Handler == LedgerHandler.Name);
        await using var second = await LedgerApp.StartAsync(database, createTable: false);
        await LedgerApp.WaitUntilAsync(async () => (await second.RowsAsync()).All(r => r.State == OutboxState.Delivered));
        var entries = await second.EntriesAsync();
        Assert.Equal(Handlers, entries.Select(e => e.Handler).Order());
        Assert.Equal(1, second.Script.Attempts(LedgerHandler.Name, "survivor"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_handler_that_throws_twice_then_succeeds_takes_effect_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await LedgerApp.StartAsync(database);
        app.Script.FailTimes(LedgerHandler.Name, "flaky", 2);

        await app.PublishAsync("k", "flaky");
        await app.AdvanceUntilAsync(async () => (await app.RowsAsync()).All(r => r.State == OutboxState.Delivered), TimeSpan.FromSeconds(5));

        Assert.Equal(3, app.Script.Attempts(LedgerHandler.Name, "flaky"));
        var entries = await app.EntriesAsync();
        Assert.Single(entries, e => e.Handler == LedgerHandler.Name);
        Assert.Single(entries, e => e.Handler == TallyHandler.Name);
        var row = (await app.RowsAsync()).Single(r => r.Handler == LedgerHandler.Name);
        Assert.Equal(3, row.Attempts);
        Assert.StartsWith("InvalidOperationException: Scripted failure", row.LastError, StringComparison.Ordinal);
    }

    /// <summary>
    /// A second delivery of the same row (a claimer that lost its lock, a replay) runs the handler
    /// again; the record of the first delivery, in the effect's transaction, rolls the second back.
    /// Concurrent ones included: on PostgreSQL both have run the handler before either records.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_message_delivered_twice_takes_effect_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await LedgerApp.StartAsync(database, settings: new Dictionary<string, string?> { ["IntegrationEvents:RunDispatcher"] = "false" });
        await app.PublishAsync("k", "twice", "again");
        var rows = (await app.RowsAsync()).Where(r => r.Handler == LedgerHandler.Name).ToList();
        var ct = TestContext.Current.CancellationToken;
        if (provider == "postgres")
        {
            app.Script.Meet(LedgerHandler.Name, "twice", 2);   // SQLite writers take turns: they could never meet
        }

        await Task.WhenAll(app.Dispatcher.RedeliverAsync(LedgerHandler.Name, rows[0].Id, ct), app.Dispatcher.RedeliverAsync(LedgerHandler.Name, rows[0].Id, ct));
        await app.Dispatcher.RedeliverAsync(LedgerHandler.Name, rows[1].Id, ct);
        await app.Dispatcher.RedeliverAsync(LedgerHandler.Name, rows[1].Id, ct);

        Assert.Equal(2, app.Script.Attempts(LedgerHandler.Name, "twice"));
        Assert.Equal(2, app.Script.Attempts(LedgerHandler.Name, "again"));
        var entries = await app.EntriesAsync();
        Assert.Equal(["again", "twice"], entries.Select(e => e.Text).Order());
        Assert.All((await app.RowsAsync()).Where(r => r.Handler == LedgerHandler.Name), r => Assert.Equal((OutboxState.Delivered, 1), (r.State, r.Attempts)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Messages_with_one_key_reach_a_handler_in_publish_order_under_retries(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await LedgerApp.StartAsync(database);
        app.Script.FailTimes(LedgerHandler.Name, "k1", 2);

        await app.PublishAsync("k", "k1", "k2", "k3");
        await app.PublishAsync("other", "o1");
        await LedgerApp.WaitUntilAsync(async () => (await app.EntriesAsync()).Any(e => e.Handler == LedgerHandler.Name && e.Text == "o1"));
        await app.AdvanceUntilAsync(async () => (await app.RowsAsync()).All(r => r.State == OutboxState.Delivered), TimeSpan.FromSeconds(5));

        var ledger = (await app.EntriesAsync()).Where(e => e.Handler == LedgerHandler.Name).Select(e => e.Text).ToList();
        Assert.Equal(["o1", "k1", "k2", "k3"], ledger);   // k2, k3 waited for k1's retries; the other key did not
        // Per key, in publish order with k1's retries first; o1 once, whenever the dispatcher reached it (the
        // order across keys is not promised: o1 may even be claimed before k1's first try).
        var attempts = app.Script.Log.Where(l => l.StartsWith(LedgerHandler.Name, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [$"{LedgerHandler.Name}:k1:failed", $"{LedgerHandler.Name}:k1:failed", $"{LedgerHandler.Name}:k1:ok", $"{LedgerHandler.Name}:k2:ok", $"{LedgerHandler.Name}:k3:ok"],
            attempts.Where(a => !a.EndsWith(":o1:ok", StringComparison.Ordinal)));
        Assert.Single(attempts, $"{LedgerHandler.Name}:o1:ok");
        Assert.Equal(["k1", "k2", "k3"], (await app.EntriesAsync()).Where(e => e.Handler == TallyHandler.Name && e.Key == "k").Select(e => e.Text));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delivered_rows_are_deleted_after_the_retention(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await LedgerApp.StartAsync(database);
        await app.PublishAsync(null, "old");
        await LedgerApp.WaitUntilAsync(async () => (await app.RowsAsync()).All(r => r.State == OutboxState.Delivered));
        app.Time.Advance(TimeSpan.FromDays(6));
        await app.PublishAsync(null, "recent");
        await LedgerApp.WaitUntilAsync(async () => (await app.RowsAsync()).All(r => r.State == OutboxState.Delivered));

        await app.AdvanceUntilAsync(async () => (await app.RowsAsync()).All(r => r.Payload.Contains("recent", StringComparison.Ordinal)), TimeSpan.FromHours(6));

        Assert.Equal(2, (await app.RowsAsync()).Count);   // the same sweep kept what is younger than 7 days
        Assert.Equal(4, (await app.EntriesAsync()).Count);   // effects are the modules' rows: never pruned
    }

    [Fact]
    public async Task Publishing_outside_a_transaction_or_a_durable_event_after_commit_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = await LedgerApp.StartAsync(database);
        await using var db = app.Ledger();

        var outside = await Assert.ThrowsAsync<InvalidOperationException>(
            () => app.Bus.PublishAsync(db, new ItemAdded("k", 1, "no transaction"), TestContext.Current.CancellationToken));
        var afterCommit = Assert.Throws<InvalidOperationException>(() => app.Bus.PublishAfterCommit(db, new ItemAdded("k", 1, "in process")));

        Assert.Contains("transaction", outside.Message, StringComparison.Ordinal);
        Assert.Contains("PublishAsync", afterCommit.Message, StringComparison.Ordinal);
        Assert.Empty(await app.RowsAsync());
    }

    private static async Task<List<LedgerEntry>> LedgerRowsOf(TestDatabase database)
    {
        await using var app = await LedgerApp.StartAsync(database, createTable: false, settings: new Dictionary<string, string?> { ["IntegrationEvents:RunDispatcher"] = "false" });
        return await app.EntriesAsync();
    }
}
