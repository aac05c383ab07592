namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>A row of <c>api_mentor</c>: the faculty profile of one user.</summary>
internal sealed class Mentor
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public string EmployeeId { get; set; } = "";

    public string Department { get; set; } = "";

    public string Designation { get; set; } = "";

    public string? PhoneNumber { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Address { get; set; }

    public string? ProfilePhoto { get; set; }

    public string? Qualifications { get; set; }

    public string? Bio { get; set; }

    public bool ProfileCompleted { get; set; }

    public DateTime? ProfileCompletedAt { get; set; }
}
