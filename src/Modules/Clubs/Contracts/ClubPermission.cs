using System.Diagnostics.CodeAnalysis;

namespace CertifyTrack.Modules.Clubs.Contracts;

/// <summary>
/// The eleven things a club role may allow (one <c>can_*</c> column of <c>api_clubrole</c> each).
/// Every club action of every module is authorised by one of these, through <see cref="IClubPermissions"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "The schema outline names the enum ClubPermission.")]
public enum ClubPermission
{
    CreateEvents,
    EditEvents,
    DeleteEvents,
    StartEvents,
    EndEvents,
    MarkAttendance,
    ManageBookings,
    UploadTemplates,
    GenerateCertificates,
    ViewReports,
    ManageMembers,
}
