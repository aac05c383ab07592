using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Events.GraphQL;

/// <summary>
/// The Events module's node types, each loaded only through its source and policy (applied in SQL).
/// A published event (any status but draft) is seen by every signed-in user; a draft by admins and
/// the organizer who created it here, and in <c>Club.events</c> by the club's holders of
/// CREATE_EVENTS or EDIT_EVENTS (asked of Clubs there: a node policy is one SQL filter of this
/// module's tables and cannot ask Clubs). A registration is seen by its student and admins here;
/// its student's mentor through <c>Student.registrations</c> and the club's MARK_ATTENDANCE /
/// VIEW_REPORTS holders and coordinator through <c>Event.registrations</c>.
/// </summary>
internal static class EventNodes
{
    public static readonly NodeSource<EventsDbContext, Event> Events = new(
        new NodePolicy<EventsDbContext, Event>("signed-in users (published events); drafts: their creator and admins",
            (principal, _) =>
            {
                var caller = Caller.Of(principal);
                if (caller.IsAdmin)
                {
                    return e => true;
                }

                if (caller.UserId is not { } me)
                {
                    return e => false;
                }

                return e => e.Status != EventStatus.Draft || e.CreatedById == me;
            }),
        db => db.Events,
        e => e.Id);

    public static readonly NodeSource<EventsDbContext, EventRegistration> Registrations = new(
        new NodePolicy<EventsDbContext, EventRegistration>("the registered student and admins (organizers and mentors through their lists)",
            (principal, _) =>
            {
                var caller = Caller.Of(principal);
                if (caller.IsAdmin)
                {
                    return r => true;
                }

                return caller.UserId is { } me ? r => r.UserId == me : r => false;
            }),
        db => db.Registrations,
        r => r.Id);

    public static IServiceCollection AddEventNodes(this IServiceCollection services) => services
        .AddNodeSource(Events)
        .AddNodeSource(Registrations);
}
