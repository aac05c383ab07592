using Microsoft.Extensions.Configuration;

namespace CertifyTrack.Modules.Events.Domain;

/// <summary>
/// The institution's clock: event dates and times are local to <c>Institution:TimeZone</c> (an IANA id,
/// default Asia/Kolkata); "in the future", the start window and the registration deadline are
/// computed from them in that zone, against the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class EventClock
{
    public const string TimeZoneSetting = "Institution:TimeZone";
    public const string StartWindowSetting = "Events:StartWindowMinutes";
    public const string DeadlineSetting = "Events:RegistrationDeadlineMinutes";

    private readonly TimeProvider time;

    public EventClock(TimeProvider time, IConfiguration configuration)
    {
        this.time = time;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(configuration[TimeZoneSetting] is { Length: > 0 } id ? id : "Asia/Kolkata");
        StartWindow = TimeSpan.FromMinutes(configuration.GetValue(StartWindowSetting, 60));
        DeadlineLead = TimeSpan.FromMinutes(configuration.GetValue(DeadlineSetting, 120));
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>How long before its start an event may be started.</summary>
    public TimeSpan StartWindow { get; }

    /// <summary>How long before the start registration closes, unless the event sets its own deadline.</summary>
    public TimeSpan DeadlineLead { get; }

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>A local date and time of the institution as UTC (a time skipped by a DST change moves forward).</summary>
    public DateTime ToUtc(DateOnly date, TimeOnly at)
    {
        var local = date.ToDateTime(at, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>Sets <see cref="Event.StartsAt"/> and <see cref="Event.EndsAt"/> from the local date and times.</summary>
    public void Place(Event e)
    {
        e.StartsAt = ToUtc(e.EventDate, e.StartTime);
        e.EndsAt = e.EndTime is { } end ? ToUtc(e.EventDate, end) : e.StartsAt;
    }

    public DateTime DeadlineOf(Event e) => e.RegistrationDeadline ?? e.StartsAt - DeadlineLead;
}
