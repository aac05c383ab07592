namespace CertifyTrack.Modules.Users.Contracts;

/// <summary>A user's role (<c>auth_user.user_type</c>), stored as its lower-case seed value.</summary>
public enum UserKind
{
    Student,
    Mentor,
    ClubOrganizer,
    Admin,
}

/// <summary>How a student entered the programme; decides the AICTE points requirement.</summary>
public enum AdmissionType
{
    Regular,
    Lateral,
    Transfer,
}
