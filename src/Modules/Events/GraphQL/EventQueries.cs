using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Events.Persistence;
using CertifyTrack.Shared.GraphQL.Lists;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.GraphQL;

/// <summary><c>events</c>: the events the caller may see (published ones; drafts for their creator and admins), filtered and sorted.</summary>
internal static class EventQueries
{
    public const int MaxTextLength = 100;

    public static void Declare(ObjectGraphType query) =>
        query.Connection<EventType, Event>("events").Filter<EventFilter>().Sort<EventSort>()
            .Resolve<EventsDbContext>((context, db) => Narrow(context, EventNodes.Events.Visible(context, db)), e => e.Id)
            .Argument<IdGraphType>("clubId", "Only this club's events.")
            .Argument<StringGraphType>("text", $"Only events whose name or description contains this text (any case; at most {MaxTextLength} characters).")
            .Argument<BooleanGraphType>("hasSeats", "true: only events with free seats (or no limit); false: only full ones.")
            .Argument<IdGraphType>("aicteCategoryId", "Only events awarding points in this AICTE category.")
            .Description("Events: filter by status, date, name; by club, text, free seats or AICTE category.")
            .Authorize();

    private static IQueryable<Event> Narrow(IResolveFieldContext context, IQueryable<Event> events)
    {
        if (context.GetArgument<string?>("clubId") is { } clubId)
        {
            var key = NodeTypes.ParseKey<ClubNode>(clubId, "clubId");
            events = events.Where(e => e.ClubId == key);
        }

        if (context.GetArgument<string?>("aicteCategoryId") is { } categoryId)
        {
            var key = GlobalId.TryParse(categoryId, out var id) && id.Value.TypeName == "AicteCategory"
                && long.TryParse(id.Value.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
                ? k
                : throw new ExecutionError("'aicteCategoryId' must be the id of an AicteCategory.") { Code = "INVALID_ID" };
            events = events.Where(e => e.AicteCategoryId == key);
        }

        if (context.GetArgument<string?>("text") is { Length: > 0 } text)
        {
            if (text.Length > MaxTextLength)
            {
                throw new ExecutionError($"'text' has at most {MaxTextLength} characters.") { Code = "INVALID_FILTER" };
            }

            var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal).ToLowerInvariant();
            var pattern = $"%{escaped}%";
#pragma warning disable CA1304, CA1311 // string.ToLower() here is SQL lower(), not a .NET culture call
            events = events.Where(e => EF.Functions.Like(e.Name.ToLower(), pattern, "\\")
                || (e.Description != null && EF.Functions.Like(e.Description.ToLower(), pattern, "\\")));
#pragma warning restore CA1304, CA1311
        }

        return context.GetArgument<bool?>("hasSeats") switch
        {
            true => events.Where(e => e.MaxParticipants == null || e.RegisteredCount < e.MaxParticipants),
            false => events.Where(e => e.MaxParticipants != null && e.RegisteredCount >= e.MaxParticipants),
            null => events,
        };
    }
}

internal sealed class EventFilter : FilterInputType<Event>
{
    public EventFilter()
    {
        Field("name", e => e.Name);
        Field("status", e => e.Status, typeof(EventStatusGraphType));
        Field("eventDate", e => e.EventDate);
        Field("venueRequired", e => e.VenueRequired);
    }
}

internal sealed class EventSort : SortInputType<Event>
{
    public EventSort()
    {
        Field("eventDate", e => e.EventDate);
        Field("startTime", e => e.StartTime);
        Field("name", e => e.Name);
        DefaultOrder("eventDate", SortDirection.Desc);
    }
}
