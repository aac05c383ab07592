namespace CertifyTrack.Modules.Users.Contracts;

/// <summary>
/// What other modules may know about users, and the only way they learn it (their rules, notifications,
/// type extensions). Every lookup takes many ids and is one SQL statement; answers are cached for the
/// request (the scope), so ask freely. Ids that name nobody are missing from the answer. Decisions
/// that must hold under concurrency still belong to the database of the module that makes them.
/// <code>
/// var mentor = (await directory.ByMentorIdsAsync([mentorId], ct)).GetValueOrDefault(mentorId);
/// if (mentor is not { IsActive: true }) throw new UserErrorException(ClubErrorCodes.MentorInactive, …);
/// </code>
/// </summary>
public interface IUserDirectory
{
    /// <summary>The users with these user ids, by user id.</summary>
    Task<IReadOnlyDictionary<long, DirectoryUser>> ByUserIdsAsync(IReadOnlyCollection<long> userIds, CancellationToken cancellationToken);

    /// <summary>The users whose student profiles have these ids, by student id.</summary>
    Task<IReadOnlyDictionary<long, DirectoryUser>> ByStudentIdsAsync(IReadOnlyCollection<long> studentIds, CancellationToken cancellationToken);

    /// <summary>The users whose mentor profiles have these ids, by mentor id.</summary>
    Task<IReadOnlyDictionary<long, DirectoryUser>> ByMentorIdsAsync(IReadOnlyCollection<long> mentorIds, CancellationToken cancellationToken);

    /// <summary>
    /// The students with these USNs, by USN as stored (trimmed, upper-case: look answers up with
    /// <c>usn.Trim().ToUpperInvariant()</c>). One statement for the whole batch.
    /// </summary>
    Task<IReadOnlyDictionary<string, DirectoryUser>> ByUsnsAsync(IReadOnlyCollection<string> usns, CancellationToken cancellationToken);

    /// <summary>
    /// The users with these usernames, by username as stored (<see cref="DirectoryUser.Username"/>; matched
    /// ignoring case, as sign-in does). One statement for the whole batch. For tooling that names people
    /// (the demo seeders); a rule never identifies someone by a name the caller typed.
    /// </summary>
    Task<IReadOnlyDictionary<string, DirectoryUser>> ByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken);
}

/// <summary>One user as <see cref="IUserDirectory"/> tells it.</summary>
public sealed record DirectoryUser
{
    public long UserId { get; init; }

    public UserKind Kind { get; init; }

    /// <summary>The sign-in name, as stored.</summary>
    public string Username { get; init; } = "";

    /// <summary>False for a disabled account: it cannot sign in, and should not be given new duties.</summary>
    public bool IsActive { get; init; }

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public string FullName => $"{FirstName} {LastName}".Trim();

    /// <summary>For notifications' own use only; never show it to another user (the <c>User.email</c> field rule decides that).</summary>
    public string Email { get; init; } = "";

    /// <summary>The user's student profile (the key of <c>Student</c> ids), if they have one.</summary>
    public long? StudentId { get; init; }

    /// <summary>The user's mentor profile (the key of <c>Mentor</c> ids), if they have one.</summary>
    public long? MentorId { get; init; }

    /// <summary>For a student: their university seat number (upper-case).</summary>
    public string? Usn { get; init; }

    /// <summary>For a student: their mentor's profile id, if they have a mentor.</summary>
    public long? StudentMentorId { get; init; }

    /// <summary>For a student: their mentor's user id, if they have a mentor.</summary>
    public long? StudentMentorUserId { get; init; }
}
