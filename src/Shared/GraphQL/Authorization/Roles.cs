namespace CertifyTrack.Shared.GraphQL.Authorization;

/// <summary>
/// The product's roles, as they appear in the <c>role</c> claim. Mark fields with them:
/// <c>.AuthorizeWithRoles(Roles.Mentor, Roles.Admin)</c>.
/// </summary>
public static class Roles
{
    public const string Student = "student";
    public const string Mentor = "mentor";
    public const string ClubOrganizer = "club_organizer";
    public const string Admin = "admin";
}
