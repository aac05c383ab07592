using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Clubs;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>
/// <see cref="ClubWorld"/> (Robotics: president, secretary, treasurer, coordinator-role member, member) plus a
/// second active club "Chess" with its own president, and helpers that drive events through <c>/graphql</c>.
/// The clock starts at 2026-06-01 09:00 UTC (14:30 in Asia/Kolkata).
/// </summary>
internal sealed class EventWorld : IAsyncDisposable
{
    public const string EventFields = "id name status eventDate startTime endTime maxParticipants seatsLeft registeredCount waitlistedCount version";

    private EventWorld(ClubWorld clubs) => Clubs = clubs;

    public ClubWorld Clubs { get; }

    public string ChessId { get; private set; } = "";

    public Person ChessPresident { get; private set; } = null!;

    public static async Task<EventWorld> StartAsync(string provider, TestDatabase? database = null, string? connectionString = null,
        IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false, Action<IServiceCollection>? configureServices = null)
    {
        var world = new EventWorld(await ClubWorld.StartAsync(provider, database: database, connectionString: connectionString, extraSettings: settings, kestrel: kestrel,
            configureServices: configureServices));
        var chessMentor = await world.Clubs.MentorAsync("chess.mentor");
        world.ChessId = await world.Clubs.CreateClubAsync("Chess", chessMentor);
        world.ChessPresident = (await world.Clubs.StudentsAsync("chess", 1))[0];
        await world.Clubs.AddMemberAsync(world.Clubs.Admin, world.ChessId, world.ChessPresident, "president");
        return world;
    }

    public Task<GraphQLResponse> AsAsync(Person who, string query, object? variables = null) => Clubs.AsAsync(who, query, variables);

    public Task<GraphQLResponse> CreateAsync(Person by, string clubId, object? overrides = null, string date = "2026-06-10", string start = "10:00:00", string end = "12:00:00", int? max = null)
    {
        var input = new JsonObject
        {
            ["clubId"] = clubId,
            ["name"] = "Robot workshop",
            ["description"] = "Build a line follower.",
            ["eventDate"] = date,
            ["startTime"] = start,
            ["endTime"] = end,
            ["maxParticipants"] = max,
        };
        foreach (var (key, value) in overrides is null ? new JsonObject() : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(overrides))!.AsObject())
        {
            input[key] = value?.DeepClone();
        }

        return AsAsync(by, $"mutation($input: CreateEventInput!) {{ createEvent(input: $input) {{ event {{ {EventFields} }} userErrors {{ code field }} }} }}", new { input });
    }

    /// <summary>A scheduled event of Robotics (created and scheduled by its president); its id.</summary>
    public async Task<string> ScheduledAsync(int? max = null, string date = "2026-06-10", string start = "10:00:00", string end = "23:00:00")
    {
        var created = await CreateAsync(Clubs.President, Clubs.ClubId, date: date, start: start, end: end, max: max);
        var id = created.Field("createEvent")?["event"]?["id"]?.GetValue<string>() ?? throw new InvalidOperationException($"{created}\n{Clubs.LoggedExceptions()}");
        var scheduled = await TransitionAsync(Clubs.President, "scheduleEvent", id);
        Assert.Empty(scheduled.UserErrorCodes("scheduleEvent"));
        return id;
    }

    public Task<GraphQLResponse> TransitionAsync(Person by, string mutation, string eventId, int? expectedVersion = null) =>
        AsAsync(by, $"mutation($input: EventTransitionInput!) {{ {mutation}(input: $input) {{ event {{ {EventFields} }} userErrors {{ code field }} }} }}",
            new { input = new { eventId, expectedVersion } });

    public Task<GraphQLResponse> RegisterAsync(Person student, string eventId) =>
        AsAsync(student, """
            mutation($id: ID!) { registerForEvent(input: { eventId: $id }) { registration { id status waitlistPosition checkInCode } userErrors { code field } } }
            """, new { id = eventId });

    public Task<GraphQLResponse> CancelRegistrationAsync(Person student, string eventId) =>
        AsAsync(student, """
            mutation($id: ID!) { cancelRegistration(input: { eventId: $id }) { registration { id status } userErrors { code field } } }
            """, new { id = eventId });

    /// <summary>The stored counters and registration rows of an event, read from Events' tables.</summary>
    public async Task<(int Registered, int Waitlisted, int RegisteredRows, int WaitlistedRows)> CountsAsync(string eventId)
    {
        var key = Key(eventId);
        await using var db = await Db();
        var e = await db.Events.AsNoTracking().SingleAsync(x => x.Id == key, TestContext.Current.CancellationToken);
        var rows = await db.Registrations.Where(r => r.EventId == key).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, TestContext.Current.CancellationToken);
        return (e.RegisteredCount, e.WaitlistedCount,
            rows.GetValueOrDefault(RegistrationStatus.Registered), rows.GetValueOrDefault(RegistrationStatus.Waitlisted));
    }

    public Task<EventsDbContext> Db() =>
        Clubs.App.App.Services.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    public static long Key(string globalId) =>
        long.Parse(GlobalId.TryParse(globalId, out var id) ? id.Value.Key : "0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Id(GraphQLResponse response, string field, string property = "event") =>
        response.Field(field)?[property]?["id"]?.GetValue<string>() ?? throw new InvalidOperationException(response.ToString());

    public ValueTask DisposeAsync() => Clubs.DisposeAsync();
}
