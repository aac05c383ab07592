using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Clubs.GraphQL;

/// <summary><c>ClubRole</c>: a position and the permissions its flags give (<see cref="ClubNodes.Roles"/>).</summary>
internal sealed class ClubRoleType : ObjectGraphType<ClubRole>
{
    public ClubRoleType()
    {
        Name = ClubRole.TypeName;
        this.Authorize();
        this.NodeId(r => r.Id).AllowAnonymous();
        Field(r => r.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClubPermissionGraphType>>>>("permissions")
            .Resolve(c => c.Source.Permissions().Order().ToList());
    }
}
