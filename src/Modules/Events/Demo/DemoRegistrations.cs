using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Modules.Events.Registrations;
using CertifyTrack.Modules.Users.Contracts;

namespace CertifyTrack.Modules.Events.Demo;

/// <summary>
/// A demo event's registrations as <c>registerForEvent</c>, <c>markAttendance</c> and <c>completeEvent</c> leave them:
/// seats and the waitlist (sequence 1..n) counted on the event, each active registration taking one of its student's
/// ten (<see cref="StudentLoad"/>), and on the completed event an attendance row per registrant with ATTENDED or NO_SHOW.
/// </summary>
internal static class DemoRegistrations
{
    /// <returns>What was written, one entry per registration ("waitlisted 2 ece.student09").</returns>
    public static async Task<List<string>> AddAsync(EventsDbContext db, Event e, DemoEventPlan plan, Func<int, DirectoryUser> student, long organizer, CancellationToken ct)
    {
        var written = new List<string>();
        var active = e.Status is EventStatus.Scheduled or EventStatus.Ongoing;
        foreach (var (number, place) in plan.Registered.Select(n => (n, 0L)).Concat(plan.Waitlisted.Select((n, i) => (n, i + 1L))))
        {
            var who = student(number);
            if (active && !await StudentLoad.TryTakeAsync(db, who.StudentId!.Value, ct))
            {
                throw new CertifyTrack.Shared.Demo.DemoSeedingException($"{who.Username} holds ten active registrations already.");
            }

            var status = place > 0 ? RegistrationStatus.Waitlisted
                : e.Status != EventStatus.Completed ? RegistrationStatus.Registered
                : plan.Present.Contains(number) ? RegistrationStatus.Attended : RegistrationStatus.NoShow;
            db.Registrations.Add(new EventRegistration
            {
                EventId = e.Id,
                StudentId = who.StudentId!.Value,
                UserId = who.UserId,
                RegistrationDate = e.CreatedAt,
                Status = status,
                WaitlistSequence = place > 0 ? place : null,
                CheckInCode = CheckInCodes.New(),
                CheckedInAt = status == RegistrationStatus.Attended ? e.StartsAt : null,
                UpdatedAt = e.CreatedAt,
            });
            if (e.Status == EventStatus.Completed)
            {
                db.Attendance.Add(new EventAttendance
                {
                    EventId = e.Id, StudentId = who.StudentId!.Value, MarkedAt = e.StartsAt, MarkedById = organizer, IsPresent = status == RegistrationStatus.Attended,
                });
            }

            written.Add(place > 0 ? $"waitlisted {place} {who.Username}" : $"{EventRegistrationConfiguration.ToColumn(status).ToLowerInvariant()} {who.Username}");
        }

        e.RegisteredCount = plan.Registered.Length;
        e.WaitlistedCount = plan.Waitlisted.Length;
        e.WaitlistSequence = plan.Waitlisted.Length;
        e.AttendedCount = e.Status == EventStatus.Completed ? plan.Present.Length : 0;
        await db.SaveChangesAsync(ct);
        return written;
    }
}
