using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Notifications;

namespace CertifyTrack.Modules.Clubs.Membership;

/// <summary>The audit entry (old and new role and state) and the student's notification of a membership change.</summary>
internal static class MemberNotices
{
    public static async Task RecordAsync(this CommandContext<ClubsDbContext> command, string action, ClubMember member, string? oldRole, bool wasActive, string clubName, string? message)
    {
        var newRole = member.Role?.Name ?? (await command.Db.Roles.FindAsync([member.RoleId], command.CancellationToken))?.Name;
        await command.AuditAsync(new AuditEntry(action, ClubMember.TypeName, $"{member.Id}")
        {
            OldValues = new { Role = oldRole, IsActive = wasActive },
            NewValues = new { Role = newRole, member.IsActive, member.ClubId, member.StudentId },
        });
        if (message is not null)
        {
            await command.NotifyAsync(member.UserId, new NotificationRequest(NotificationKinds.ClubMembership, clubName, string.Format(System.Globalization.CultureInfo.InvariantCulture, message, clubName, newRole)));
        }

        command.ForgetCachedPermissions();
    }
}
