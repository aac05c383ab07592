using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Clubs.Domain;

/// <summary>A row of <c>api_clubrole</c>: a position in a club and its eleven permission flags (the seed's columns).</summary>
internal sealed class ClubRole : INode
{
    public static string TypeName => "ClubRole";

    public long Id { get; set; }

    public string Name { get; set; } = "";

    public bool CanCreateEvents { get; set; }

    public bool CanEditEvents { get; set; }

    public bool CanDeleteEvents { get; set; }

    public bool CanStartEvents { get; set; }

    public bool CanEndEvents { get; set; }

    public bool CanMarkAttendance { get; set; }

    public bool CanManageBookings { get; set; }

    public bool CanUploadTemplates { get; set; }

    public bool CanGenerateCertificates { get; set; }

    public bool CanViewReports { get; set; }

    public bool CanManageMembers { get; set; }

    public IReadOnlySet<ClubPermission> Permissions() => RoleFlags.Read(this);

    public void SetPermissions(IEnumerable<ClubPermission> permissions) => RoleFlags.Write(this, permissions.ToHashSet());
}
