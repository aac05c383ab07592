using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Clubs.Contracts.GraphQL;

/// <summary>A club as the GraphQL <c>Club</c> type shows it; other modules' type extensions read it (<c>Club.events</c>).</summary>
public sealed record ClubNode : INode
{
    public static string TypeName => "Club";

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>The coordinator's <c>Mentor</c> key.</summary>
    public long? FacultyCoordinatorId { get; init; }

    /// <summary>The coordinator's <c>User</c> key.</summary>
    public long? FacultyCoordinatorUserId { get; init; }

    /// <summary>The club head's <c>Student</c> key.</summary>
    public long? ClubHeadId { get; init; }

    public DateOnly? EstablishedDate { get; init; }

    public bool IsActive { get; init; }

    public bool AllowsSelfJoin { get; init; }

    public int MemberCount { get; init; }
}
