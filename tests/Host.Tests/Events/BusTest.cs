using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>A host with the notes context, the recording handler and the note feed, over a test's database.</summary>
internal static class BusTest
{
    /// <summary>Reconnect fast: a test waits for the listener, never for a long backoff.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastReconnect = new Dictionary<string, string?>
    {
        ["EventBus:ReconnectDelay"] = "00:00:00.050",
        ["EventBus:MaxReconnectDelay"] = "00:00:00.200",
    };

    public static Topic<NoteMessage> Feed(string name) => new($"bus-tests.{name}");

    /// <summary>Starts a host over <paramref name="database"/>; the first host of a database creates the notes table.</summary>
    public static async Task<TestApp> StartAsync(TestDatabase database, bool createTable = true)
    {
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
                .AddModuleDbContext<NotesDbContext, NotesSqliteDbContext, NotesPostgresDbContext>(configuration, "BusTests")
                .AddSingleton<HandledEvents>()
                .AddIntegrationEventHandler<NoteAdded, RecordingHandler>()
                .AddSingleton<IGraphQLModule, NoteFeedModule>(),
            FastReconnect);
        if (createTable)
        {
            await using var db = app.Notes();
            await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(TestContext.Current.CancellationToken);
        }

        return app;
    }

    public static IEventBus Bus(this TestApp app) => app.Services.GetRequiredService<IEventBus>();

    public static NotesDbContext Notes(this TestApp app) =>
        app.Services.GetRequiredService<IDbContextFactory<NotesDbContext>>().CreateDbContext();

    public static IReadOnlyCollection<string> Handled(this TestApp app) => app.Services.GetRequiredService<HandledEvents>().Texts;
}
