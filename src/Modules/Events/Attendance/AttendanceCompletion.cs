using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>
/// The end of an event's registrations, for <c>completeEvent</c> to call in its transaction: every REGISTERED
/// registration becomes ATTENDED when its student is marked present, NO_SHOW otherwise, in one UPDATE.
/// Waitlisted and cancelled ones stay as they are. The event row is locked first, as every marking does
/// (<see cref="AttendanceWriter.LockRowAsync"/>), so no marking commits between the statuses read here and written.
/// </summary>
internal static class AttendanceCompletion
{
    /// <returns>How many registrations were ended.</returns>
    public static async Task<int> EndRegistrationsAsync(EventsDbContext db, long eventId, DateTime now, CancellationToken ct)
    {
        await AttendanceWriter.LockRowAsync(db, eventId, ct);
        return await db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Registered)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, r => db.Attendance.Any(a => a.EventId == r.EventId && a.StudentId == r.StudentId && a.IsPresent)
                    ? RegistrationStatus.Attended
                    : RegistrationStatus.NoShow)
                .SetProperty(r => r.UpdatedAt, now), ct);
    }
}
