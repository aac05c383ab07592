using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;

namespace CertifyTrack.Modules.Users.Admin.NewUsers;

/// <summary>
/// A user an admin asks for (one <c>createUser</c> input or one CSV row), as text still to be
/// checked by <see cref="NewUserRules"/>. <see cref="Path"/> builds the <c>field</c> path of a
/// user error for one of its fields (<c>["input","email"]</c> or <c>["input","csv","line 12","email"]</c>).
/// </summary>
internal sealed class NewUser
{
    public required Func<string, string[]> Path { get; init; }

    /// <summary>Where the user came from, for messages: <c>input</c> or <c>line 12</c>.</summary>
    public string Label { get; init; } = "input";

    public string? Username { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>The role as given; <see cref="NewUserRules"/> parses it into <see cref="Kind"/>.</summary>
    public UserKind? Kind { get; set; }

    public string? Usn { get; init; }

    public string? Department { get; init; }

    public int? Semester { get; init; }

    public AdmissionType? AdmissionType { get; set; }

    /// <summary>The student's mentor: by database id (createUser) or by employee id (import).</summary>
    public long? MentorId { get; set; }

    public string? MentorEmployeeId { get; init; }

    public string? EmployeeId { get; init; }

    public string? Designation { get; init; }

    public string NormalizedUsername => User.Normalize(Username ?? "");

    public string NormalizedEmail => User.Normalize(Email ?? "");

    public string NormalizedUsn => (Usn ?? "").Trim().ToUpperInvariant();

    public string NormalizedEmployeeId => (EmployeeId ?? "").Trim();
}
