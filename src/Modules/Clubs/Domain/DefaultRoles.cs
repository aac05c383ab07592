using CertifyTrack.Modules.Clubs.Contracts;
using static CertifyTrack.Modules.Clubs.Contracts.ClubPermission;

namespace CertifyTrack.Modules.Clubs.Domain;

/// <summary>
/// The five roles of DOMAIN.md "Clubs" with their default flags. The migration inserts them
/// (EF seed data, so a fresh install has them and re-running migrations adds nothing); admins
/// change the flags later with <c>updateClubRole</c>. docs/clubs.md lists the same table.
/// </summary>
internal static class DefaultRoles
{
    public const long PresidentId = 1;
    public const long SecretaryId = 2;
    public const long TreasurerId = 3;
    public const long CoordinatorId = 4;
    public const long MemberId = 5;

    public static IReadOnlyList<ClubRole> All { get; } =
    [
        Role(PresidentId, "president", Enum.GetValues<ClubPermission>()),
        Role(SecretaryId, "secretary", CreateEvents, EditEvents, MarkAttendance, ManageBookings, ViewReports, ManageMembers),
        Role(TreasurerId, "treasurer", ManageBookings, ViewReports),
        Role(CoordinatorId, "coordinator", CreateEvents, EditEvents, StartEvents, EndEvents, MarkAttendance, GenerateCertificates, ViewReports),
        Role(MemberId, "member"),
    ];

    private static ClubRole Role(long id, string name, params ClubPermission[] permissions)
    {
        var role = new ClubRole { Id = id, Name = name };
        role.SetPermissions(permissions);
        return role;
    }
}
