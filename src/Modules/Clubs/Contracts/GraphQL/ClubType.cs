using CertifyTrack.Modules.Clubs.GraphQL;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Shared.GraphQL.Extensions;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Clubs.Contracts.GraphQL;

/// <summary>
/// <c>Club</c>: every signed-in user sees clubs (<see cref="ClubNodes.Clubs"/>). The member list is
/// for the club's active members, its coordinator and admins (<c>FORBIDDEN</c> to others, who still
/// see <c>memberCount</c>). The coordinator and head are Users' objects, shown where Users' policies
/// let the caller load them (null otherwise). Public so other modules extend it (Events adds <c>events</c>).
/// </summary>
public sealed class ClubType : ObjectGraphType<ClubNode>
{
    public ClubType(TypeExtensionRegistry extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        Name = ClubNode.TypeName;
        this.Authorize();
        this.NodeId(c => c.Id).AllowAnonymous();
        Field(c => c.Name);
        Field(c => c.Description, nullable: true);
        Field<MentorType>("facultyCoordinator").Description("Null where Users' policy hides the mentor from the caller.")
            .Resolve(c => c.Source.FacultyCoordinatorId is { } id ? UserNodeLoaders.Mentors.Load(c, id) : null);
        Field<StudentType>("clubHead").Description("Null where Users' policy hides the student from the caller.")
            .Resolve(c => c.Source.ClubHeadId is { } id ? UserNodeLoaders.Students.Load(c, id) : null);
        Field(c => c.EstablishedDate, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClubRoleType>>>>("roles")
            .Description("The club roles and their permissions (the same for every club).")
            .ResolveAsync(async c => await ClubFields.RolesAsync(c));
        Field(c => c.IsActive);
        Field(c => c.AllowsSelfJoin).Description("Whether students may join by themselves (joinClub).");
        Field(c => c.MemberCount).Description("The number of active members.");
        ClubFields.AddMembers(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClubPermissionGraphType>>>>("myPermissions")
            .Description("What the caller may do in this club.")
            .ResolveAsync(async c => (await ClubFields.MyPermissionsAsync(c)).Order().ToList());
        Field<ClubMemberType>("myMembership").Description("The caller's active membership, if any.")
            .ResolveAsync(async c => await ClubFields.MyMembershipAsync(c));
        extensions.Apply(this);
    }
}
