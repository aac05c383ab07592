using CertifyTrack.Host.Events;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>Two host instances on one PostgreSQL database: topic messages cross over LISTEN/NOTIFY.</summary>
public sealed class PostgresFanOutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commit_on_one_instance_reaches_the_subscribers_of_both_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var a = await BusTest.StartAsync(database);
        await using var b = await BusTest.StartAsync(database, createTable: false);
        await WaitUntilListeningAsync(a, 1);
        await WaitUntilListeningAsync(b, 1);
        await using var onA = new TopicProbe<NoteMessage>(a.Bus(), BusTest.Feed("x"));
        await using var onB = new TopicProbe<NoteMessage>(b.Bus(), BusTest.Feed("x"));

        await CommitNoteAsync(a, "from a");
        await CommitNoteAsync(b, "sentinel from b");

        Assert.Equal("from a", (await onA.NextAsync()).Text);
        Assert.Equal("sentinel from b", (await onA.NextAsync()).Text); // A skipped the echo of its own message
        Assert.Equal("from a", (await onB.NextAsync()).Text);
        Assert.Equal("sentinel from b", (await onB.NextAsync()).Text);
        Assert.Equal(["from a"], a.Handled()); // integration events are handled where they are published
        Assert.Equal(["sentinel from b"], b.Handled());
    }

    [Fact]
    public async Task A_rollback_on_one_instance_reaches_no_other_instance()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var a = await BusTest.StartAsync(database);
        await using var b = await BusTest.StartAsync(database, createTable: false);
        await WaitUntilListeningAsync(b, 1);
        await using var onB = new TopicProbe<NoteMessage>(b.Bus(), BusTest.Feed("x"));

        await using (var db = a.Notes())
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            a.Bus().PublishAfterCommit(db, BusTest.Feed("x"), new NoteMessage("rolled back"));
            await transaction.RollbackAsync(Ct);
        }

        await CommitNoteAsync(a, "sentinel");
        Assert.Equal("sentinel", (await onB.NextAsync()).Text);
    }

    [Fact]
    public async Task The_listener_survives_its_backend_being_killed_and_delivery_resumes()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var a = await BusTest.StartAsync(database);
        await using var b = await BusTest.StartAsync(database, createTable: false);
        await WaitUntilListeningAsync(b, 1);
        var listener = b.Services.GetRequiredService<ListenerStatus>();
        var killedPid = listener.BackendProcessId;

        Assert.Equal(1, await TerminateAsync(database, listener.ApplicationName));
        await WaitUntilListeningAsync(b, 2);
        await using var onB = new TopicProbe<NoteMessage>(b.Bus(), BusTest.Feed("x"));
        await CommitNoteAsync(a, "after reconnect");

        Assert.Equal("after reconnect", (await onB.NextAsync()).Text);
        Assert.NotEqual(killedPid, listener.BackendProcessId);
    }

    private static async Task CommitNoteAsync(TestApp app, string text)
    {
        await using var db = app.Notes();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Notes.Add(new Note { Text = text });
        await db.SaveChangesAsync(Ct);
        app.Bus().PublishAfterCommit(db, BusTest.Feed("x"), new NoteMessage(text));
        app.Bus().PublishAfterCommit(db, new NoteAdded(text));
        await transaction.CommitAsync(Ct);
    }

    private static Task WaitUntilListeningAsync(TestApp app, int connections) =>
        app.Services.GetRequiredService<ListenerStatus>()
            .WaitUntilListeningAsync(connections, Ct)
            .WaitAsync(TimeSpan.FromSeconds(15), Ct);

    /// <summary>Kills the listener's backend the way a failover or an admin would. The same role may, without a grant.</summary>
    private static async Task<int> TerminateAsync(TestDatabase database, string applicationName)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*)::int FROM (
                SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE application_name = @name
            ) AS killed WHERE terminated
            """,
            connection);
        command.Parameters.AddWithValue("name", applicationName);
        return (int)(await command.ExecuteScalarAsync(Ct))!;
    }
}
