using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Extensions;
using CertifyTrack.Shared.GraphQL.Lists;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Events.GraphQL;

/// <summary>
/// <c>Club.events</c>: the club's events the caller may see, and its drafts too for the club's holders of
/// CREATE_EVENTS or EDIT_EVENTS (asked of Clubs; the coordinator and admins hold every permission).
/// </summary>
internal sealed class ClubEventsExtension : TypeExtension<ClubType, ClubNode>
{
    public override string Module => EventsModule.Name;

    protected override void Extend(ObjectGraphType<ClubNode> type)
    {
        var field = Events(type, (context, db) => EventNodes.Events.Visible(context, db))
            .Description("The club's events: published ones for everyone; drafts too for its event organizers.")
            .FieldType;
        var visible = field.Resolver!;
        var all = Events(new ObjectGraphType<ClubNode>(), (_, db) => db.Events).FieldType.Resolver!;
        field.Resolver = new FuncFieldResolver<object?>(async context =>
            await IsOrganizerAsync(context) ? await all.ResolveAsync(context) : await visible.ResolveAsync(context));
    }

    private static global::GraphQL.Builders.FieldBuilder<object, object> Events(IComplexGraphType type, Func<IResolveFieldContext, EventsDbContext, IQueryable<Event>> rows) =>
        type.Connection<EventType, Event>("events").Sort<EventSort>()
            .Resolve<EventsDbContext>((context, db) => rows(context, db).Where(e => e.ClubId == ((ClubNode)context.Source!).Id), e => e.Id);

    private static async Task<bool> IsOrganizerAsync(IResolveFieldContext context)
    {
        if (Caller.Of(context.User).UserId is not { } me)
        {
            return false;
        }

        var held = await context.RequestServices!.GetRequiredService<IClubPermissions>().GetAsync(me, ((ClubNode)context.Source!).Id, context.CancellationToken);
        return held.Contains(ClubPermission.CreateEvents) || held.Contains(ClubPermission.EditEvents);
    }
}

/// <summary>
/// <c>Student.registrations</c>: every registration of the student. Seen by whoever may load the
/// student (Users' policy: the student, their mentor, admins), which is exactly who may read them.
/// </summary>
internal sealed class StudentRegistrationsExtension : TypeExtension<StudentType, StudentNode>
{
    public override string Module => EventsModule.Name;

    protected override void Extend(ObjectGraphType<StudentNode> type) =>
        type.Connection<EventRegistrationType, EventRegistration>("registrations")
            .Resolve<EventsDbContext>((context, db) => db.Registrations.Where(r => r.StudentId == ((StudentNode)context.Source!).Id), r => r.Id)
            .Description("The student's event registrations, newest first by id.");
}
