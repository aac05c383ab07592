using System.Globalization;
using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Events.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Modules.Events.Registrations;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.Demo;
using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Events.Demo;

/// <summary>
/// The Events part of <c>--seed-demo</c> (after Clubs, module order): <see cref="DemoEvents"/> in each demo club,
/// organised by its president (<c>dept.student08</c>), with registrations, a full event with its waitlist, and
/// attendance on the completed one. Clubs and people come through Clubs' and Users' contracts; seats, waitlist and
/// the students' loads go through Events' own counters (<see cref="StudentLoad"/>); the completed and cancelled events
/// publish their durable integration events as <c>completeEvent</c>/<c>cancelEvent</c> do; one
/// <c>event.demo_created</c> audit row per event. A club that has any of its demo events already is left alone.
/// Demo registrations notify no one (no one asked for them).
/// </summary>
internal sealed class EventsDemoSeeder(
    IDbContextFactory<EventsDbContext> contexts, IServiceScopeFactory scopes, EventClock clock, IAuditLog audit, IServiceProvider services) : IDemoSeeder
{
    public const string AuditAction = "event.demo_created";

    public string Module => EventsModule.Name;

    public async Task SeedAsync(DemoSeeding seeding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeding);
        await using var scope = scopes.CreateAsyncScope();
        var clubIds = await scope.ServiceProvider.GetRequiredService<IClubDirectory>().IdsByNameAsync([.. DemoEvents.Clubs.Select(c => c.Name)], cancellationToken);
        var wanted = DemoEvents.Clubs.SelectMany(c => Enumerable.Range(1, 10).Select(n => Username(c, n))).ToList();
        var people = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().ByUsernamesAsync(wanted, cancellationToken);
        var missing = DemoEvents.Clubs.Where(c => !clubIds.ContainsKey(c.Name)).Select(c => c.Name)
            .Concat(wanted.Where(w => people.Values.All(p => !string.Equals(p.Username, w, StringComparison.OrdinalIgnoreCase) || p.StudentId is null)));
        if (missing.ToList() is { Count: > 0 } absent)
        {
            throw new DemoSeedingException($"The demo events need the demo clubs and students; missing: {string.Join(", ", absent)}.");
        }

        var students = people.Values.ToDictionary(p => p.Username, StringComparer.OrdinalIgnoreCase);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var club in DemoEvents.Clubs)
        {
            var clubId = clubIds[club.Name];
            if (await db.Events.AnyAsync(e => e.ClubId == clubId && club.EventNames.Contains(e.Name), cancellationToken))
            {
                seeding.Note($"The demo events of {club.Name} already exist and were left as they are.");
                continue;
            }

            for (var i = 0; i < club.EventNames.Length; i++)
            {
                var (plan, organizer) = (DemoEvents.Plans[i], students[Username(club, 8)].UserId);
                var e = await AddEventAsync(db, clubId, club.EventNames[i], plan, organizer, cancellationToken);
                var registrations = await DemoRegistrations.AddAsync(db, e, plan, n => students[Username(club, n)], organizer, cancellationToken);
                await PublishAsync(db, e, cancellationToken);
                await audit.RecordAsync(db, new AuditEntry(AuditAction, Event.TypeName, e.Id.ToString(CultureInfo.InvariantCulture))
                {
                    NewValues = new { e.Name, Status = e.Status.ToString(), e.EventDate, e.StartTime, e.EndTime, e.MaxParticipants, Registrations = registrations },
                }, cancellationToken);
                seeding.Note($"Demo event {e.Name} ({club.Name}): {e.Status.ToString().ToUpperInvariant()} on {e.EventDate:yyyy-MM-dd} {e.StartTime:HH\\:mm}-{e.EndTime:HH\\:mm}; "
                    + $"{e.RegisteredCount}/{e.MaxParticipants} seats taken" + (e.WaitlistedCount > 0 ? $", {e.WaitlistedCount} waitlisted" : "")
                    + (e.Status == EventStatus.Completed ? $", {e.AttendedCount} attended" : "") + (registrations.Count > 0 ? $": {string.Join(", ", registrations)}." : "."));
            }
        }

        await tx.CommitAsync(cancellationToken);
    }

    private async Task<Event> AddEventAsync(EventsDbContext db, long clubId, string name, DemoEventPlan plan, long organizer, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var local = TimeZoneInfo.ConvertTimeFromUtc(now, clock.Zone);
        var start = plan.Start ?? new TimeOnly(local.Hour, 0);
        var e = new Event
        {
            ClubId = clubId,
            Name = name,
            Description = $"{name}: a demo event of the club.",
            EventDate = DateOnly.FromDateTime(local).AddDays(plan.Day),
            StartTime = start,
            EndTime = plan.End ?? (start.Hour >= 21 ? new TimeOnly(23, 59) : start.AddHours(2)),
            MaxParticipants = plan.Seats,
            ActivityHours = 2,
            PointsAwarded = plan.Status == EventStatus.Completed ? 10 : null,
            Status = plan.Status,
            CreatedById = organizer,
            CreatedAt = now,
            UpdatedAt = now,
        };
        clock.Place(e);
        e.ScheduledAt = plan.Status == EventStatus.Draft ? null : now;
        e.StartedAt = plan.Status is EventStatus.Ongoing or EventStatus.Completed ? (e.StartsAt < now ? e.StartsAt : now) : null;
        e.CompletedAt = plan.Status == EventStatus.Completed ? e.EndsAt : null;
        e.CancelReason = plan.Status == EventStatus.Cancelled ? DemoEvents.CancelReason : null;
        e.CancelledAt = plan.Status == EventStatus.Cancelled ? now : null;
        // One version per transition, as the commands count them (cancelled: draft → scheduled → cancelled).
        e.Version = plan.Status switch
        {
            EventStatus.Draft => 0,
            EventStatus.Scheduled => 1,
            EventStatus.Ongoing or EventStatus.Cancelled => 2,
            _ => 3,
        };
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>As the commands do. The bus is resolved when seeding: tooling builds the modules without one.</summary>
    private Task PublishAsync(EventsDbContext db, Event e, CancellationToken ct) => e.Status switch
    {
        EventStatus.Completed => services.GetRequiredService<IEventBus>().PublishAsync(db, new EventCompleted(e.Id, e.ClubId, e.Name, e.EventDate, e.StartTime, e.EndTime, e.StartsAt, e.EndsAt,
            e.AicteCategoryId, e.PointsAwarded, e.ActivityHours, e.CompletedAt!.Value), ct),
        EventStatus.Cancelled => services.GetRequiredService<IEventBus>().PublishAsync(db, new EventCancelled(e.Id, e.ClubId, e.Name, e.EventDate, e.StartTime, e.EndTime, e.StartsAt, e.EndsAt,
            e.CancelReason!, e.CancelledAt!.Value), ct),
        _ => Task.CompletedTask,
    };

    private static string Username(DemoClub club, int student) =>
        string.Create(CultureInfo.InvariantCulture, $"{club.Department.ToLowerInvariant()}.student{student:D2}");
}
