using System.Collections.Concurrent;
using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>A row a test writes, standing for a module's durable change.</summary>
internal sealed class Note
{
    public int Id { get; set; }

    public required string Text { get; set; }
}

/// <summary>A module-like DbContext registered the way modules register theirs (AddModuleDbContext).</summary>
internal class NotesDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var note = modelBuilder.Entity<Note>();
        note.ToTable("bus_test_note");
        note.HasIndex(n => n.Text).IsUnique();
    }
}

internal sealed class NotesSqliteDbContext(DbContextOptions<NotesSqliteDbContext> options) : NotesDbContext(options);

internal sealed class NotesPostgresDbContext(DbContextOptions<NotesPostgresDbContext> options) : NotesDbContext(options);

/// <summary>A real-time topic message.</summary>
internal sealed record NoteMessage(string Text);

/// <summary>An integration event.</summary>
internal sealed record NoteAdded(string Text) : IIntegrationEvent;

/// <summary>What the <see cref="RecordingHandler"/> of one host instance has handled.</summary>
internal sealed class HandledEvents
{
    public ConcurrentQueue<string> Texts { get; } = new();
}

internal sealed class RecordingHandler(HandledEvents handled) : IIntegrationEventHandler<NoteAdded>
{
    public Task HandleAsync(NoteAdded integrationEvent, CancellationToken cancellationToken)
    {
        handled.Texts.Enqueue(integrationEvent.Text);
        return Task.CompletedTask;
    }
}
