using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Clubs.Domain;

/// <summary>
/// A row of <c>api_clubmember</c>: one per (club, student). Removing or leaving deactivates the
/// row and rejoining reactivates it; <see cref="MembershipChange"/> keeps every step.
/// </summary>
internal sealed class ClubMember : INode
{
    public static string TypeName => "ClubMember";

    public long Id { get; set; }

    public long ClubId { get; set; }

    /// <summary>An <c>api_student</c> id.</summary>
    public long StudentId { get; set; }

    /// <summary>The student's <c>auth_user</c> id (a profile's user never changes): lets policies and permissions match the caller in SQL.</summary>
    public long UserId { get; set; }

    public long RoleId { get; set; }

    /// <summary>When the student (re)joined last.</summary>
    public DateTime JoinedDate { get; set; }

    public bool IsActive { get; set; } = true;

    public Club? Club { get; set; }

    public ClubRole? Role { get; set; }
}
