using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Lists;
using GraphQL;
using GraphQL.Resolvers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Events.GraphQL;

/// <summary>The resolvers of <see cref="EventType"/>'s fields that need more than the event row.</summary>
internal static class EventFields
{
    /// <summary>
    /// <c>registrations</c>: for the club's MARK_ATTENDANCE or VIEW_REPORTS holders (the coordinator and admins hold
    /// every permission); null with <c>FORBIDDEN</c> to others (nullable, so a refusal never blanks the event).
    /// </summary>
    public static void AddRegistrations(EventType type)
    {
        var field = type.Connection<EventRegistrationType, EventRegistration>("registrations")
            .Resolve<EventsDbContext>(
                (context, db) => db.Registrations.Where(r => r.EventId == ((Event)context.Source!).Id),
                r => r.Id)
            .Description("Every registration of the event: for the club's attendance markers and report viewers, its coordinator and admins; FORBIDDEN to others.")
            .FieldType;
        var list = field.Resolver!;
        field.Type = field.Type!.GetGenericArguments()[0];
        field.Resolver = new FuncFieldResolver<object?>(async context =>
            await MayListAsync(context, ((Event)context.Source!).ClubId) ? await list.ResolveAsync(context) : throw Forbidden());
    }

    public static async Task<bool> MayListAsync(IResolveFieldContext context, long clubId)
    {
        if (Caller.Of(context.User).UserId is not { } me)
        {
            return false;
        }

        var held = await context.RequestServices!.GetRequiredService<IClubPermissions>().GetAsync(me, clubId, context.CancellationToken);
        return held.Contains(ClubPermission.MarkAttendance) || held.Contains(ClubPermission.ViewReports);
    }

    private static ExecutionError Forbidden() =>
        new("Only the club's attendance markers, report viewers, coordinator and admins may list its registrations.") { Code = "FORBIDDEN" };
}
