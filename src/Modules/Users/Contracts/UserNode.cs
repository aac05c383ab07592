using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Users.Contracts;

/// <summary>A user as the GraphQL <c>User</c> type shows it; other modules' type extensions read it.</summary>
public sealed record UserNode : INode
{
    public static string TypeName => "User";

    public long Id { get; init; }

    public string Username { get; init; } = "";

    public string Email { get; init; } = "";

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public UserKind UserType { get; init; }

    public bool IsEmailVerified { get; init; }

    public bool IsActive { get; init; }

    public DateTime DateJoined { get; init; }

    public DateTime? LastLogin { get; init; }
}

/// <summary>A student profile as the GraphQL <c>Student</c> type shows it.</summary>
public sealed record StudentNode : INode
{
    public static string TypeName => "Student";

    public long Id { get; init; }

    public long UserId { get; init; }

    public string Usn { get; init; } = "";

    public string Department { get; init; } = "";

    public int Semester { get; init; }

    public AdmissionType AdmissionType { get; init; }

    public long? MentorId { get; init; }

    public bool ProfileCompleted { get; init; }
}

/// <summary>A mentor profile as the GraphQL <c>Mentor</c> type shows it.</summary>
public sealed record MentorNode : INode
{
    public static string TypeName => "Mentor";

    public long Id { get; init; }

    public long UserId { get; init; }

    public string EmployeeId { get; init; } = "";

    public string Department { get; init; } = "";

    public string Designation { get; init; } = "";
}
