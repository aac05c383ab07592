using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Events.GraphQL;

/// <summary>
/// <c>Event</c> (<see cref="EventNodes.Events"/>): its club, local date and times, seats and counts;
/// the caller's own registration; the registrations for the club's attendance markers and report
/// viewers, its coordinator and admins.
/// </summary>
internal sealed class EventType : ObjectGraphType<Event>
{
    public EventType()
    {
        Name = Event.TypeName;
        this.Authorize();
        this.NodeId(e => e.Id).AllowAnonymous();
        Field<NonNullGraphType<ClubType>>("club").Resolve(c => ClubNodeLoaders.Clubs.Load(c, c.Source.ClubId));
        Field(e => e.Name);
        Field(e => e.Description, nullable: true);
        Field(e => e.EventDate).Description("The institution's local date (Institution:TimeZone).");
        Field(e => e.StartTime).Description("Local start time.");
        Field(e => e.EndTime, nullable: true).Description("Local end time.");
        Field(e => e.MaxParticipants, nullable: true).Description("Seats; null for no limit.");
        Field<NonNullGraphType<EventStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field(e => e.SeatsLeft, nullable: true).Description("Free seats; null when unlimited.");
        Field(e => e.RegisteredCount).Description("Seats taken.");
        Field(e => e.WaitlistedCount);
        Field(e => e.AttendedCount);
        Field<DateTimeGraphType>("registrationDeadline").Description("When registration closes (UTC).")
            .Resolve(c => DateTime.SpecifyKind(c.RequestServices!.GetRequiredService<EventClock>().DeadlineOf(c.Source), DateTimeKind.Utc));
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt").Description("The start as an instant (UTC).")
            .Resolve(c => DateTime.SpecifyKind(c.Source.StartsAt, DateTimeKind.Utc));
        Field(e => e.VenueRequired);
        Field(e => e.ActivityHours, nullable: true);
        Field<IdGraphType>("aicteCategoryId").Description("The AICTE category (an AicteCategory id) attendees earn points in.")
            .Resolve(c => c.Source.AicteCategoryId is { } id ? GlobalId.Encode("AicteCategory", id) : null);
        Field(e => e.PointsAwarded, nullable: true).Description("AICTE points per attendee.");
        Field(e => e.CancelReason, nullable: true);
        Field(e => e.Version).Description("Changes with every organizer edit or transition: send it back as expectedVersion.");
        Field<EventRegistrationType>("myRegistration").Description("The calling student's registration, if any.")
            .Resolve(RegistrationLoaders.MyRegistration);
        EventFields.AddRegistrations(this);
    }
}
