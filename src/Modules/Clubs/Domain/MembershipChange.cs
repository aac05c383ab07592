namespace CertifyTrack.Modules.Clubs.Domain;

/// <summary>
/// A row of <c>api_clubmember_history</c>: one step of a membership (joined, added, role changed,
/// removed, left, rejoined), with who did it, when, and the role and active flag before and after.
/// Written in the same transaction as the change; never updated.
/// </summary>
internal sealed class MembershipChange
{
    public long Id { get; set; }

    public long MemberId { get; set; }

    public long ClubId { get; set; }

    public long StudentId { get; set; }

    public long UserId { get; set; }

    public MembershipChangeKind Kind { get; set; }

    public long? OldRoleId { get; set; }

    public long? NewRoleId { get; set; }

    public bool OldIsActive { get; set; }

    public bool NewIsActive { get; set; }

    /// <summary>The <c>auth_user</c> id of whoever made the change (the student themselves for join and leave).</summary>
    public long ChangedByUserId { get; set; }

    public DateTime ChangedAt { get; set; }
}

internal enum MembershipChangeKind
{
    Joined,
    Added,
    RoleChanged,
    Removed,
    Left,
}
