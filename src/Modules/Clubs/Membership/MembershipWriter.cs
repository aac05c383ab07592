using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Membership;

/// <summary>
/// Every change of a membership, inside the caller's transaction: the member row, the club's
/// member counter and a history row move together, or a <see cref="UserErrorException"/> leaves
/// the transaction to be rolled back. The member row is always written before the club row, so
/// concurrent joins and removals lock in one order.
/// </summary>
internal sealed class MembershipWriter(ClubsDbContext db, long actorUserId, DateTime now)
{
    /// <summary>Adds the student (a new row, or the same row reactivated) with <paramref name="roleId"/>.</summary>
    public async Task<ClubMember> ActivateAsync(long clubId, long studentId, long userId, long roleId, MembershipChangeKind kind, string[] studentField, CancellationToken ct)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.ClubId == clubId && m.StudentId == studentId, ct);
        var oldRole = member?.RoleId;
        if (member is null)
        {
            member = new ClubMember { ClubId = clubId, StudentId = studentId, UserId = userId, RoleId = roleId, JoinedDate = now, IsActive = true };
            db.Members.Add(member);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (UniqueViolation.IndexName(db, e) == ClubMemberConfiguration.ClubStudentIndex)
            {
                throw AlreadyMember(studentField);
            }
        }
        else
        {
            // Conditional: of two concurrent rejoins only one finds the row inactive.
            var reactivated = await db.Members.Where(m => m.Id == member.Id && !m.IsActive).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.IsActive, true).SetProperty(m => m.RoleId, roleId).SetProperty(m => m.JoinedDate, now), ct);
            if (reactivated == 0)
            {
                throw AlreadyMember(studentField);
            }

            await db.Entry(member).ReloadAsync(ct);
        }

        if (!await MemberCounter.TryIncrementAsync(db, clubId, ct))
        {
            var active = await db.Clubs.Where(c => c.Id == clubId).Select(c => c.IsActive).SingleAsync(ct);
            throw active
                ? new UserErrorException(ClubErrorCodes.ClubFull, $"The club already has {Club.MaxActiveMembers} active members.", "input", "clubId")
                : new UserErrorException(ClubErrorCodes.ClubInactive, "The club is deactivated and takes no new members.", "input", "clubId");
        }

        await RecordAsync(member, kind, oldRole, wasActive: false, ct);
        return member;
    }

    /// <summary>
    /// Gives an active member another role. Conditional on the row being still active with the role the caller
    /// checked (the command holds the row's lock, <see cref="ClubCommands.LockedMemberAsync"/>; this is the last
    /// line): a removed membership is never changed.
    /// </summary>
    public async Task ChangeRoleAsync(ClubMember member, long roleId, CancellationToken ct)
    {
        var oldRole = member.RoleId;
        var changed = await db.Members.Where(m => m.Id == member.Id && m.IsActive && m.RoleId == oldRole)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RoleId, roleId), ct);
        if (changed == 0)
        {
            throw new UserErrorException(ClubErrorCodes.NotAMember, "This membership is not active.", "input", "memberId");
        }

        await db.Entry(member).ReloadAsync(ct);
        await RecordAsync(member, MembershipChangeKind.RoleChanged, oldRole, wasActive: true, ct);
    }

    /// <summary>Deactivates an active member (removed by someone, or left); the row and its history stay.</summary>
    public async Task DeactivateAsync(ClubMember member, MembershipChangeKind kind, CancellationToken ct)
    {
        var deactivated = await db.Members.Where(m => m.Id == member.Id && m.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), ct);
        if (deactivated == 0)
        {
            throw new UserErrorException(ClubErrorCodes.NotAMember, "This membership is not active.", "input");
        }

        await MemberCounter.DecrementAsync(db, member.ClubId, ct);
        await db.Entry(member).ReloadAsync(ct);
        await RecordAsync(member, kind, member.RoleId, wasActive: true, ct);
    }

    private async Task RecordAsync(ClubMember member, MembershipChangeKind kind, long? oldRole, bool wasActive, CancellationToken ct)
    {
        db.MembershipHistory.Add(new MembershipChange
        {
            MemberId = member.Id,
            ClubId = member.ClubId,
            StudentId = member.StudentId,
            UserId = member.UserId,
            Kind = kind,
            OldRoleId = oldRole,
            NewRoleId = member.RoleId,
            OldIsActive = wasActive,
            NewIsActive = member.IsActive,
            ChangedByUserId = actorUserId,
            ChangedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    private static UserErrorException AlreadyMember(string[] field) =>
        new(ClubErrorCodes.AlreadyMember, "The student is already an active member of this club.", field);
}
