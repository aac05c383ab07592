using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Events.Lifecycle;

/// <summary>The rules of an event's own fields and of its transitions, apart from the resolvers (DOMAIN.md "Events").</summary>
internal static class EventRules
{
    /// <summary>The lifecycle: draft → scheduled → ongoing → completed; draft | scheduled | ongoing → cancelled. Nothing else.</summary>
    public static bool CanMove(EventStatus from, EventStatus to) => (from, to) switch
    {
        (EventStatus.Draft, EventStatus.Scheduled) => true,
        (EventStatus.Scheduled, EventStatus.Ongoing) => true,
        (EventStatus.Ongoing, EventStatus.Completed) => true,
        (EventStatus.Draft or EventStatus.Scheduled or EventStatus.Ongoing, EventStatus.Cancelled) => true,
        _ => false,
    };

    public static void Move(Event e, EventStatus to)
    {
        if (!CanMove(e.Status, to))
        {
            throw new UserErrorException(EventErrorCodes.InvalidTransition,
                $"A {e.Status.ToString().ToLowerInvariant()} event cannot become {to.ToString().ToLowerInvariant()}.", "input", "eventId");
        }

        e.Status = to;
    }

    /// <summary>Checks the fields an event is created or edited with; the times against the institution's clock.</summary>
    public static void CheckFields(Event e, EventClock clock, bool requireFuture, bool scheduling = false)
    {
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(e.Name))
        {
            errors.Add(new(EventErrorCodes.NameRequired, "Give the event a name.", ["input", "name"]));
        }
        else if (e.Name.Length > Event.NameMaxLength)
        {
            errors.Add(new(EventErrorCodes.NameTooLong, $"An event name has at most {Event.NameMaxLength} characters.", ["input", "name"]));
        }

        if (e.Description?.Length > Event.DescriptionMaxLength)
        {
            errors.Add(new(EventErrorCodes.DescriptionTooLong, $"A description has at most {Event.DescriptionMaxLength} characters.", ["input", "description"]));
        }

        if (e.EndTime is { } end && end <= e.StartTime)
        {
            errors.Add(new(EventErrorCodes.EndBeforeStart, "The event must end after it starts (on the same day).", ["input", "endTime"]));
        }

        if (requireFuture && e.StartsAt <= clock.UtcNow)
        {
            errors.Add(new(EventErrorCodes.DateInPast, scheduling ? "Only an event that starts in the future can be scheduled." : "The event must start in the future.", ["input", "eventDate"]));
        }

        if (e.RegistrationDeadline is { } deadline && deadline > e.StartsAt)
        {
            errors.Add(new(EventErrorCodes.DeadlineAfterStart, "Registration must close by the start.", ["input", "registrationDeadline"]));
        }

        Positive(errors, e.MaxParticipants, "maxParticipants", 100_000);
        Positive(errors, e.ActivityHours, "activityHours", 1_000);
        Positive(errors, e.PointsAwarded, "pointsAwarded", 1_000);
        if (errors.Count > 0)
        {
            throw new UserErrorException(errors);
        }
    }

    private static void Positive(List<UserError> errors, int? value, string field, int max)
    {
        if (value is { } v && (v < 1 || v > max))
        {
            errors.Add(new(EventErrorCodes.InvalidNumber, $"'{field}' must be between 1 and {max}.", ["input", field]));
        }
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
