using CertifyTrack.Modules.Clubs.Contracts;
using GraphQL.Types;

namespace CertifyTrack.Modules.Clubs.GraphQL;

/// <summary>The <c>ClubPermission</c> enum (<c>CREATE_EVENTS</c> … <c>MANAGE_MEMBERS</c>).</summary>
internal sealed class ClubPermissionGraphType : EnumerationGraphType<ClubPermission>
{
    public ClubPermissionGraphType() => Name = "ClubPermission";
}
