using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>After-commit holds on the synchronous EF API and across pooled context leases.</summary>
public sealed class AfterCommitContextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Synchronous_SaveChanges_and_Commit_hold_messages_back_too(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await BusTest.StartAsync(database);
        var bus = app.Bus();
        await using var probe = new TopicProbe<NoteMessage>(bus, BusTest.Feed("a"));
        await using var db = app.Notes();

        using (var transaction = db.Database.BeginTransaction())
        {
            db.Notes.Add(new Note { Text = "sync transaction" });
            db.SaveChanges();
            bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("sync transaction"));
            Assert.False(probe.HasMessage);
            transaction.Commit();
        }

        Assert.Equal("sync transaction", (await probe.NextAsync()).Text);
        db.Notes.Add(new Note { Text = "sync save" });
        bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("sync save"));
        db.SaveChanges();
        Assert.Equal("sync save", (await probe.NextAsync()).Text);
    }

    [Fact]
    public async Task Messages_left_on_a_pooled_context_without_a_save_die_with_its_lease()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = await BusTest.StartAsync(database);
        var bus = app.Bus();
        await using var probe = new TopicProbe<NoteMessage>(bus, BusTest.Feed("a"));

        await using (var db = app.Notes())
        {
            bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("left behind"));
        }

        await using (var db = app.Notes())
        {
            db.Notes.Add(new Note { Text = "next lease" });
            bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("next lease"));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal("next lease", (await probe.NextAsync()).Text);
    }
}
