using CertifyTrack.Modules.Clubs.Domain;

namespace CertifyTrack.Modules.Clubs.Admin;

/// <summary>A club's audited values (the audit log's old and new values).</summary>
internal static class ClubAudit
{
    public static object Values(Club club) => new
    {
        club.Name,
        club.Description,
        club.FacultyCoordinatorId,
        club.ClubHeadId,
        club.EstablishedDate,
        club.IsActive,
        club.AllowsSelfJoin,
    };
}
