namespace CertifyTrack.Modules.Clubs.Domain;

/// <summary>A row of <c>api_club</c>.</summary>
internal sealed class Club
{
    public const int NameMaxLength = 100;

    /// <summary>At most this many active members; the database holds it (<see cref="ActiveMemberCount"/>).</summary>
    public const int MaxActiveMembers = 200;

    public long Id { get; set; }

    public string Name { get; private set; } = "";

    /// <summary>The name lower-cased (invariant): its unique index makes names unique in any case.</summary>
    public string NormalizedName { get; private set; } = "";

    public string? Description { get; set; }

    /// <summary>An <c>api_mentor</c> id.</summary>
    public long? FacultyCoordinatorId { get; set; }

    /// <summary>
    /// The coordinator's <c>auth_user</c> id, copied from Users' directory with <see cref="FacultyCoordinatorId"/>
    /// (a profile's user never changes), so policies and permissions decide in one statement of this module.
    /// </summary>
    public long? FacultyCoordinatorUserId { get; set; }

    /// <summary>An <c>api_student</c> id.</summary>
    public long? ClubHeadId { get; set; }

    public DateOnly? EstablishedDate { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Whether students may join by themselves (as <c>member</c>); otherwise only those who manage members add them.</summary>
    public bool AllowsSelfJoin { get; set; } = true;

    /// <summary>
    /// The number of active members, kept in the same transaction as every membership change by a
    /// conditional update (<c>… WHERE active_member_count &lt; 200</c>), and checked by a constraint:
    /// concurrent joins cannot pass the cap (<see cref="Membership.MemberCounter"/>).
    /// </summary>
    public int ActiveMemberCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        NormalizedName = Normalize(Name);
    }

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();
}
