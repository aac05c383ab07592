using CertifyTrack.Modules.Clubs.Contracts.GraphQL;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Clubs.GraphQL;

/// <summary>
/// The Clubs module's node types, each loaded only through its source and policy (applied in SQL).
/// Clubs and roles are public to every signed-in user (the <c>clubs</c> list is); a membership is
/// seen by the member themselves, the club's faculty coordinator, admins, and those active members of the
/// active club whose role lets them manage members or view reports (as <c>Club.members</c>; a plain member
/// sees only their own).
/// The caller is matched by user id, which Clubs keeps beside the profile ids, so no policy reads
/// Users' tables.
/// </summary>
internal static class ClubNodes
{
    public static readonly NodeSource<ClubsDbContext, ClubNode> Clubs = new(
        new NodePolicy<ClubsDbContext, ClubNode>("every signed-in user",
            (caller, _) => Caller.Of(caller).IsSignedIn ? c => true : c => false),
        db => db.Clubs.Select(ClubProjections.ToNode),
        c => c.Id);

    public static readonly NodeSource<ClubsDbContext, ClubRole> Roles = new(
        new NodePolicy<ClubsDbContext, ClubRole>("every signed-in user",
            (caller, _) => Caller.Of(caller).IsSignedIn ? r => true : r => false),
        db => db.Roles,
        r => r.Id);

    public static readonly NodeSource<ClubsDbContext, ClubMember> Members = new(
        new NodePolicy<ClubsDbContext, ClubMember>(
            "the member themselves, the club's faculty coordinator, its members who manage members or view reports, admins",
            (principal, db) =>
            {
                var caller = Caller.Of(principal);
                if (caller.IsAdmin)
                {
                    return m => true;
                }

                if (caller.UserId is not { } me)
                {
                    return m => false;
                }

                return m => m.UserId == me
                    || db.Members.Any(o => o.ClubId == m.ClubId && o.UserId == me && o.IsActive && o.Club!.IsActive
                        && (o.Role!.CanManageMembers || o.Role.CanViewReports))
                    || db.Clubs.Any(c => c.Id == m.ClubId && c.FacultyCoordinatorUserId == me);
            }),
        db => db.Members,
        m => m.Id);

    public static IServiceCollection AddClubNodes(this IServiceCollection services) => services
        .AddNodeSource(Clubs)
        .AddNodeSource(Roles)
        .AddNodeSource(Members);
}
