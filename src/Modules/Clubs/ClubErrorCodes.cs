using CertifyTrack.Shared.GraphQL.Errors;

namespace CertifyTrack.Modules.Clubs;

/// <summary>Every <c>userErrors</c> code the Clubs module answers (besides the platform's INVALID_ID and FORBIDDEN).</summary>
[ErrorCodeCatalog]
internal static class ClubErrorCodes
{
    public const string ClubNameTaken = "CLUB_NAME_TAKEN";
    public const string ClubNameRequired = "CLUB_NAME_REQUIRED";
    public const string ClubNameTooLong = "CLUB_NAME_TOO_LONG";
    public const string DescriptionTooLong = "DESCRIPTION_TOO_LONG";
    public const string ClubNotFound = "CLUB_NOT_FOUND";
    public const string ClubInactive = "CLUB_INACTIVE";
    public const string ClubFull = "CLUB_FULL";
    public const string ClubClosedToSelfJoin = "CLUB_CLOSED_TO_SELF_JOIN";
    public const string NotAMentor = "NOT_A_MENTOR";
    public const string NotAStudent = "NOT_A_STUDENT";
    public const string EstablishedDateInFuture = "ESTABLISHED_DATE_IN_FUTURE";
    public const string RoleNotFound = "ROLE_NOT_FOUND";
    public const string MemberNotFound = "MEMBER_NOT_FOUND";
    public const string AlreadyMember = "ALREADY_MEMBER";
    public const string NotAMember = "NOT_A_MEMBER";
    public const string OwnRole = "OWN_ROLE";
    public const string RoleAboveGranter = "ROLE_ABOVE_GRANTER";
    public const string MemberAboveGranter = "MEMBER_ABOVE_GRANTER";
}
