using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Lists;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Clubs.GraphQL;

/// <summary>The resolvers of <see cref="ClubType"/>'s fields that need more than the club row.</summary>
internal static class ClubFields
{
    public static async Task<List<ClubRole>> RolesAsync(IResolveFieldContext context) =>
        await Cache(context).RolesAsync(context.CancellationToken);

    public static async Task<IReadOnlySet<ClubPermission>> MyPermissionsAsync(IResolveFieldContext<ClubNode> context) =>
        Caller.Of(context.User).UserId is { } me
            ? await context.RequestServices!.GetRequiredService<IClubPermissions>().GetAsync(me, context.Source.Id, context.CancellationToken)
            : new HashSet<ClubPermission>();

    public static async Task<ClubMember?> MyMembershipAsync(IResolveFieldContext<ClubNode> context) =>
        Caller.Of(context.User).UserId is { } me
            ? (await Cache(context).MembershipsAsync(me, context.CancellationToken)).GetValueOrDefault(context.Source.Id)
            : null;

    /// <summary>
    /// <c>members</c>: the club's active members, for its coordinator, admins and members holding MANAGE_MEMBERS or VIEW_REPORTS;
    /// others get null and <c>FORBIDDEN</c> at the field (nullable, so a refusal never blanks the club).
    /// </summary>
    public static void AddMembers(ClubType type)
    {
        var field = type.Connection<ClubMemberType, ClubMember>("members")
            .Resolve<ClubsDbContext>(
                (context, db) => ClubNodes.Members.Visible(context, db).Where(m => m.ClubId == ((ClubNode)context.Source!).Id && m.IsActive),
                m => m.Id)
            .Description("The active members: for the club's coordinator, admins and members who manage members or view reports; FORBIDDEN to others.")
            .FieldType;
        var list = field.Resolver!;
        field.Type = field.Type!.GetGenericArguments()[0]; // nullable: a refusal is null with FORBIDDEN at this path
        field.Resolver = new FuncFieldResolver<object?>(async context =>
            await MaySeeMembersAsync(context) ? await list.ResolveAsync(context) : throw Forbidden());
    }

    /// <summary>Admins, the coordinator, and members whose role lets them manage members or view reports (the same rule as the ClubMember policy).</summary>
    private static async Task<bool> MaySeeMembersAsync(IResolveFieldContext context)
    {
        if (Caller.Of(context.User).UserId is not { } me)
        {
            return false;
        }

        var held = await context.RequestServices!.GetRequiredService<IClubPermissions>().GetAsync(me, ((ClubNode)context.Source!).Id, context.CancellationToken);
        return held.Contains(ClubPermission.ManageMembers) || held.Contains(ClubPermission.ViewReports);
    }

    private static ExecutionError Forbidden() =>
        new("Only the club's coordinator, admins and members who manage members or view reports may read its members.") { Code = "FORBIDDEN" };

    private static ClubRequestCache Cache(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ClubRequestCache>();
}
