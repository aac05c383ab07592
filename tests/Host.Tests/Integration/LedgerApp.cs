using CertifyTrack.Host.Integration;
using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertifyTrack.Host.Tests.Integration;

/// <summary>
/// A real host with the ledger test module (its context, its two durable handlers, its publishing
/// mutation), the test bearer scheme and a fake clock that the caller may share between instances.
/// </summary>
internal sealed class LedgerApp : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LedgerApp(TestApp app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
        Client = app.CreateClient();
    }

    public TestApp App { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public HandlerScript Script => App.Services.GetRequiredService<HandlerScript>();

    public IEventBus Bus => App.Services.GetRequiredService<IEventBus>();

    /// <summary>Starts a host over <paramref name="database"/>; the first of a database creates the ledger table.</summary>
    public static async Task<LedgerApp> StartAsync(
        TestDatabase database, FakeTimeProvider? time = null, bool createTable = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.ProviderName,
                ["ConnectionStrings:Default"] = database.ConnectionString,
            })
            .Build();
        var app = TestApp.Start(
            database,
            services => services
                .AddTestAuthentication()
                .AddSingleton<TimeProvider>(time)
                .AddModuleDbContext<LedgerDbContext, LedgerSqliteDbContext, LedgerPostgresDbContext>(configuration, "OutboxTests")
                .AddSingleton<HandlerScript>()
                .AddDurableIntegrationEventHandler<ItemAdded, LedgerDbContext, LedgerHandler>(LedgerHandler.Name)
                .AddDurableIntegrationEventHandler<ItemAdded, LedgerDbContext, TallyHandler>(TallyHandler.Name)
                .AddSingleton<IGraphQLModule, LedgerGraphQLModule>(),
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Auth:BootstrapAdmin"] = "false" });
        if (createTable)
        {
            await using var db = app.Services.GetRequiredService<IDbContextFactory<LedgerDbContext>>().CreateDbContext();
            await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(Ct);
        }

        return new LedgerApp(app, time);
    }

    /// <summary>Publishes one event per text with seq 1, 2, … on <paramref name="db"/> (its transaction).</summary>
    public static async Task PublishAsync(IEventBus bus, DbContext db, string? key, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            await bus.PublishAsync(db, new ItemAdded(key, i + 1, texts[i]), cancellationToken);
        }
    }

    /// <summary>Publishes in a transaction of the ledger context, as a module command would, without GraphQL.</summary>
    public async Task PublishAsync(string? key, params string[] texts)
    {
        await using var db = Ledger();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await PublishAsync(Bus, db, key, texts, Ct);
        await transaction.CommitAsync(Ct);
    }

    public LedgerDbContext Ledger() => App.Services.GetRequiredService<IDbContextFactory<LedgerDbContext>>().CreateDbContext();

    public IntegrationDbContext Outbox() => App.Services.GetRequiredService<IDbContextFactory<IntegrationDbContext>>().CreateDbContext();

    public IntegrationDispatcher Dispatcher => App.Services.GetRequiredService<IntegrationDispatcher>();

    public async Task<List<LedgerEntry>> EntriesAsync()
    {
        await using var db = Ledger();
        return await db.Entries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }

    public async Task<List<OutboxRow>> RowsAsync()
    {
        await using var db = Outbox();
        return await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync(Ct);
    }

    /// <summary>Short real-time polls (the dispatcher works on its own) until <paramref name="done"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>Moves the fake clock by <paramref name="step"/> between short polls until <paramref name="done"/> holds (backoff, retention).</summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> done, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            Time.Advance(step);
            await Task.Delay(20, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
