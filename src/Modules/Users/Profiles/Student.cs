using CertifyTrack.Modules.Users.Admin.Mentoring;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>A row of <c>api_student</c>: the student profile of one user.</summary>
internal sealed class Student
{
    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>University seat number, unique, stored upper-case (<see cref="SetUsn"/>).</summary>
    public string Usn { get; private set; } = "";

    public string Department { get; set; } = "";

    public int Semester { get; set; } = 1;

    public AdmissionType AdmissionType { get; set; }

    public long? MentorId { get; set; }

    public string? PhoneNumber { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Address { get; set; }

    public string? ProfilePhoto { get; set; }

    public string? EmergencyContactName { get; set; }

    public string? EmergencyContactPhone { get; set; }

    public bool ProfileCompleted { get; set; }

    public DateTime? ProfileCompletedAt { get; set; }

    /// <summary>Makes <paramref name="mentorId"/> the student's mentor: the history row of the change, or null when it is their mentor already.</summary>
    public MentorAssignment? AssignMentor(long mentorId, long? assignedBy, DateTime at)
    {
        if (MentorId == mentorId)
        {
            return null;
        }

        var change = new MentorAssignment { StudentId = Id, OldMentorId = MentorId, NewMentorId = mentorId, AssignedById = assignedBy, AssignedAt = at };
        MentorId = mentorId;
        return change;
    }

    public void SetUsn(string usn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(usn);
        Usn = usn.Trim().ToUpperInvariant();
    }
}
