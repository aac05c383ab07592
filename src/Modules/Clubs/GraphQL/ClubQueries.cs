using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Shared.GraphQL.Lists;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Clubs.GraphQL;

/// <summary><c>clubs</c> and <c>clubRoles</c>: for every signed-in user.</summary>
internal static class ClubQueries
{
    public static void Declare(ObjectGraphType query)
    {
        query.Connection<ClubType, ClubNode>("clubs").Filter<ClubFilter>().Sort<ClubSort>()
            .Resolve<ClubsDbContext>((context, db) => Coordinated(context, ClubNodes.Clubs.Visible(context, db)), c => c.Id)
            .Argument<IdGraphType>("coordinatorId", "Only the clubs this mentor (a Mentor id) coordinates.")
            .Description("Every club, active or not; filter by name, isActive or coordinator.")
            .Authorize();

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClubRoleType>>>>("clubRoles")
            .Description("The five club roles and their permissions.")
            .ResolveAsync(async c => await ClubFields.RolesAsync(c))
            .Authorize();
    }

    private static IQueryable<ClubNode> Coordinated(IResolveFieldContext context, IQueryable<ClubNode> clubs) =>
        context.GetArgument<string?>("coordinatorId") is { } id
            ? clubs.Where(c => c.FacultyCoordinatorId == NodeTypes.ParseKey<MentorNode>(id, "coordinatorId"))
            : clubs;
}

internal sealed class ClubFilter : FilterInputType<ClubNode>
{
    public ClubFilter()
    {
        Field("name", c => c.Name);
        Field("isActive", c => c.IsActive);
        Field("establishedDate", c => c.EstablishedDate);
    }
}

internal sealed class ClubSort : SortInputType<ClubNode>
{
    public ClubSort()
    {
        Field("name", c => c.Name);
        Field("establishedDate", c => c.EstablishedDate);
        DefaultOrder("name", SortDirection.Asc);
    }
}
