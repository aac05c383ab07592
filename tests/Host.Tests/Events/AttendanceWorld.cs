using System.Collections.Concurrent;
using System.Security.Cryptography;
using CertifyTrack.Host.Tests.Clubs;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Events.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>
/// <see cref="ClubWorld"/> with events to mark: an ongoing event of Robotics with four registered students
/// (<see cref="Attendees"/>), one waitlisted (<see cref="Waitlisted"/>) and one student who never registered
/// (<see cref="Stranger"/>); a second club "Chess" coordinated by <see cref="ClubWorld.OtherMentor"/> with an
/// ongoing event of its own. Events and registrations are written through EventsDbContext (as their commands'
/// own tests would set them up); attendance goes through <c>/graphql</c>. Durable attendance events are
/// recorded by a test handler (<see cref="Delivered"/>).
/// </summary>
internal sealed class AttendanceWorld : IAsyncDisposable
{
    private AttendanceWorld(ClubWorld clubs) => Clubs = clubs;

    public ClubWorld Clubs { get; }

    public List<Person> Attendees { get; private set; } = [];

    public Person Waitlisted { get; private set; } = null!;

    public Person Stranger { get; private set; } = null!;

    public long EventKey { get; private set; }

    public string EventId => GlobalId.Encode("Event", EventKey);

    public string ChessEventId { get; private set; } = "";

    /// <summary>Check-in codes of the Robotics event by student (profile) id, and of the Chess event's one registrant.</summary>
    public Dictionary<long, string> Codes { get; } = [];

    public string ChessCode { get; private set; } = "";

    public ConcurrentQueue<IDurableIntegrationEvent> Delivered => Clubs.App.App.Services.GetRequiredService<DeliveredAttendance>().Messages;

    public static async Task<AttendanceWorld> StartAsync(string provider, TestDatabase? database = null, string? connectionString = null)
    {
        var clubs = await ClubWorld.StartAsync(provider, database: database, connectionString: connectionString, configureServices: s => s
            .AddSingleton<DeliveredAttendance>()
            .AddDurableIntegrationEventHandler<AttendanceConfirmed, EventsDbContext, DeliveredAttendance.ConfirmedHandler>("tests.attendance-confirmed")
            .AddDurableIntegrationEventHandler<AttendanceRevoked, EventsDbContext, DeliveredAttendance.RevokedHandler>("tests.attendance-revoked"));
        var world = new AttendanceWorld(clubs);
        await world.SeedAsync();
        return world;
    }

    public Task<GraphQLResponse> AsAsync(Person who, string query, object? variables = null) => Clubs.AsAsync(who, query, variables);

    public Task<EventsDbContext> DbAsync() =>
        Clubs.App.App.Services.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    /// <summary>Moves the event to <paramref name="status"/> (completed <paramref name="completedAgo"/> before the test clock's now).</summary>
    public async Task SetStatusAsync(EventStatus status, TimeSpan? completedAgo = null)
    {
        await using var db = await DbAsync();
        var now = Clubs.App.Time.GetUtcNow().UtcDateTime;
        await db.Events.Where(e => e.Id == EventKey).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, status)
            .SetProperty(e => e.CompletedAt, status == EventStatus.Completed ? now - (completedAgo ?? TimeSpan.Zero) : null), TestContext.Current.CancellationToken);
    }

    public async Task<List<EventRegistration>> RegistrationsAsync()
    {
        await using var db = await DbAsync();
        return await db.Registrations.AsNoTracking().Where(r => r.EventId == EventKey).OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task<List<EventAttendance>> AttendanceRowsAsync()
    {
        await using var db = await DbAsync();
        return await db.Attendance.AsNoTracking().Where(a => a.EventId == EventKey).OrderBy(a => a.StudentId).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task<int> AttendedCountAsync()
    {
        await using var db = await DbAsync();
        return await db.Events.Where(e => e.Id == EventKey).Select(e => e.AttendedCount).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The student's USN, read through /graphql as the admin.</summary>
    public async Task<string> UsnAsync(Person student)
    {
        var response = await AsAsync(Clubs.Admin, "query($id: ID!) { node(id: $id) { ... on Student { usn } } }", new { id = student.StudentId });
        return response.Field("node")?["usn"]?.GetValue<string>() ?? throw new InvalidOperationException(response.ToString());
    }

    private async Task SeedAsync()
    {
        var students = await Clubs.StudentsAsync("att", 6);
        (Attendees, Waitlisted, Stranger) = (students[..4], students[4], students[5]);
        await using var db = await DbAsync();
        var robotics = Key(Clubs.ClubId);
        var chessClub = Key(await Clubs.CreateClubAsync("Chess", Clubs.OtherMentor));
        var ongoing = NewEvent(robotics, "Line follower race");
        var chess = NewEvent(chessClub, "Blitz night");
        db.Events.AddRange(ongoing, chess);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        (EventKey, ChessEventId) = (ongoing.Id, GlobalId.Encode("Event", chess.Id));
        foreach (var student in Attendees)
        {
            Codes[student.ProfileId!.Value] = Add(db, ongoing, student, RegistrationStatus.Registered).CheckInCode;
        }

        Add(db, ongoing, Waitlisted, RegistrationStatus.Waitlisted);
        ChessCode = Add(db, chess, Attendees[0], RegistrationStatus.Registered).CheckInCode;
        ongoing.RegisteredCount = Attendees.Count;
        (ongoing.WaitlistedCount, chess.RegisteredCount) = (1, 1);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private Event NewEvent(long clubId, string name)
    {
        var now = Clubs.App.Time.GetUtcNow().UtcDateTime;
        return new Event
        {
            ClubId = clubId, Name = name, EventDate = DateOnly.FromDateTime(now), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(17, 0),
            Status = EventStatus.Ongoing, CreatedAt = now, UpdatedAt = now, StartsAt = now.AddHours(-1), EndsAt = now.AddHours(7), StartedAt = now.AddHours(-1),
            MaxParticipants = 50, AicteCategoryId = 7, PointsAwarded = 5, ActivityHours = 3,
        };
    }

    private EventRegistration Add(EventsDbContext db, Event e, Person student, RegistrationStatus status)
    {
        var now = Clubs.App.Time.GetUtcNow().UtcDateTime;
        var registration = new EventRegistration
        {
            EventId = e.Id, StudentId = student.ProfileId!.Value, UserId = student.UserId, RegistrationDate = now, Status = status,
            WaitlistSequence = status == RegistrationStatus.Waitlisted ? 1 : null, CheckInCode = NewCode(), UpdatedAt = now,
        };
        db.Registrations.Add(registration);
        return registration;
    }

    private static string NewCode() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 26);

    private static long Key(string globalId) =>
        long.Parse(GlobalId.TryParse(globalId, out var id) ? id.Value.Key : "0", System.Globalization.CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Clubs.DisposeAsync();
}

/// <summary>The attendance events delivered to this host's test handlers.</summary>
internal sealed class DeliveredAttendance
{
    public ConcurrentQueue<IDurableIntegrationEvent> Messages { get; } = new();

    internal sealed class ConfirmedHandler(DeliveredAttendance delivered) : IDurableIntegrationEventHandler<AttendanceConfirmed, EventsDbContext>
    {
        public Task HandleAsync(AttendanceConfirmed integrationEvent, EventsDbContext db, CancellationToken cancellationToken)
        {
            delivered.Messages.Enqueue(integrationEvent);
            return Task.CompletedTask;
        }
    }

    internal sealed class RevokedHandler(DeliveredAttendance delivered) : IDurableIntegrationEventHandler<AttendanceRevoked, EventsDbContext>
    {
        public Task HandleAsync(AttendanceRevoked integrationEvent, EventsDbContext db, CancellationToken cancellationToken)
        {
            delivered.Messages.Enqueue(integrationEvent);
            return Task.CompletedTask;
        }
    }
}
