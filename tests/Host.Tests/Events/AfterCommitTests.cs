using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>Messages published on a DbContext leave only when its change commits, on SQLite and PostgreSQL.</summary>
public sealed class AfterCommitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_committed_transaction_notifies_subscribers_and_handlers_once_after_the_commit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await BusTest.StartAsync(database);
        var bus = app.Bus();
        await using var probe = new TopicProbe<NoteMessage>(bus, BusTest.Feed("a"));
        await using var db = app.Notes();

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.Notes.Add(new Note { Text = "committed" });
            await db.SaveChangesAsync(Ct);
            bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("committed"));
            bus.PublishAfterCommit(db, new NoteAdded("committed"));
            await db.SaveChangesAsync(Ct);

            Assert.False(probe.HasMessage);
            Assert.Empty(app.Handled());
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal(["committed"], app.Handled());
        Assert.Equal("committed", (await probe.NextAsync()).Text);
        await bus.PublishNowAsync(BusTest.Feed("a"), new NoteMessage("sentinel"), Ct);
        Assert.Equal("sentinel", (await probe.NextAsync()).Text);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rolled_back_or_abandoned_transaction_notifies_nobody(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await BusTest.StartAsync(database);
        var bus = app.Bus();
        await using var probe = new TopicProbe<NoteMessage>(bus, BusTest.Feed("a"));
        await using var db = app.Notes();

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.Notes.Add(new Note { Text = "rolled back" });
            await db.SaveChangesAsync(Ct);
            bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("rolled back"));
            bus.PublishAfterCommit(db, new NoteAdded("rolled back"));
            await transaction.RollbackAsync(Ct);
        }

        await using (await db.Database.BeginTransactionAsync(Ct))
        {
            bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("abandoned"));
            bus.PublishAfterCommit(db, new NoteAdded("abandoned"));
        }

        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("next"));
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal("next", (await probe.NextAsync()).Text);
        Assert.Empty(app.Handled());
        Assert.Equal(0, await db.Notes.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_transaction_a_message_follows_a_successful_SaveChanges_and_dies_with_a_failed_one(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await BusTest.StartAsync(database);
        var bus = app.Bus();
        await using var probe = new TopicProbe<NoteMessage>(bus, BusTest.Feed("a"));
        await using var db = app.Notes();

        bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("saved"));
        bus.PublishAfterCommit(db, new NoteAdded("saved"));
        db.Notes.Add(new Note { Text = "saved" });
        Assert.False(probe.HasMessage);
        await db.SaveChangesAsync(Ct);
        Assert.Equal("saved", (await probe.NextAsync()).Text);
        Assert.Equal(["saved"], app.Handled());

        db.ChangeTracker.Clear();
        db.Notes.Add(new Note { Text = "saved" }); // violates the unique index
        bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("failed"));
        bus.PublishAfterCommit(db, new NoteAdded("failed"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        db.ChangeTracker.Clear();
        db.Notes.Add(new Note { Text = "second" });
        bus.PublishAfterCommit(db, BusTest.Feed("a"), new NoteMessage("second"));
        await db.SaveChangesAsync(Ct);
        Assert.Equal("second", (await probe.NextAsync()).Text);
        Assert.Equal(["saved"], app.Handled());
    }
}
