using CertifyTrack.Modules.Clubs.Contracts;

namespace CertifyTrack.Modules.Clubs.Domain;

/// <summary>Maps a role's eleven flag columns to and from <see cref="ClubPermission"/> values.</summary>
internal static class RoleFlags
{
    public static IReadOnlySet<ClubPermission> Read(ClubRole role) => From(
        role.CanCreateEvents, role.CanEditEvents, role.CanDeleteEvents, role.CanStartEvents, role.CanEndEvents,
        role.CanMarkAttendance, role.CanManageBookings, role.CanUploadTemplates, role.CanGenerateCertificates,
        role.CanViewReports, role.CanManageMembers);

    /// <summary>The permissions whose flag is set, the flags in <see cref="ClubPermission"/> order.</summary>
    public static IReadOnlySet<ClubPermission> From(params bool[] flags)
    {
        var set = new HashSet<ClubPermission>();
        for (var i = 0; i < flags.Length; i++)
        {
            if (flags[i])
            {
                set.Add((ClubPermission)i);
            }
        }

        return set;
    }

    public static void Write(ClubRole role, IReadOnlySet<ClubPermission> set)
    {
        role.CanCreateEvents = set.Contains(ClubPermission.CreateEvents);
        role.CanEditEvents = set.Contains(ClubPermission.EditEvents);
        role.CanDeleteEvents = set.Contains(ClubPermission.DeleteEvents);
        role.CanStartEvents = set.Contains(ClubPermission.StartEvents);
        role.CanEndEvents = set.Contains(ClubPermission.EndEvents);
        role.CanMarkAttendance = set.Contains(ClubPermission.MarkAttendance);
        role.CanManageBookings = set.Contains(ClubPermission.ManageBookings);
        role.CanUploadTemplates = set.Contains(ClubPermission.UploadTemplates);
        role.CanGenerateCertificates = set.Contains(ClubPermission.GenerateCertificates);
        role.CanViewReports = set.Contains(ClubPermission.ViewReports);
        role.CanManageMembers = set.Contains(ClubPermission.ManageMembers);
    }

    public static IReadOnlySet<ClubPermission> All { get; } = Enum.GetValues<ClubPermission>().ToHashSet();
}
