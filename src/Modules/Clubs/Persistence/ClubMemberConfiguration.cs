using CertifyTrack.Modules.Clubs.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Clubs.Persistence;

internal sealed class ClubMemberConfiguration : IEntityTypeConfiguration<ClubMember>
{
    /// <summary>One row per (club, student): a second add of the same student is this violation.</summary>
    public const string ClubStudentIndex = "ux_clubmember_club_student";

    public void Configure(EntityTypeBuilder<ClubMember> builder)
    {
        builder.ToTable("api_clubmember");
        builder.Property(m => m.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        builder.HasOne(m => m.Club).WithMany().HasForeignKey(m => m.ClubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Role).WithMany().HasForeignKey(m => m.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudentRow>().WithMany().HasForeignKey(m => m.StudentId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(m => new { m.ClubId, m.StudentId }).IsUnique().HasDatabaseName(ClubStudentIndex);
        builder.HasIndex(m => m.StudentId).HasDatabaseName("idx_clubmember_student_id");
        builder.HasIndex(m => new { m.UserId, m.ClubId }).HasDatabaseName("idx_clubmember_user_club");
        builder.HasIndex(m => m.RoleId).HasDatabaseName("idx_clubmember_role_id");
    }
}

internal sealed class MembershipChangeConfiguration : IEntityTypeConfiguration<MembershipChange>
{
    public void Configure(EntityTypeBuilder<MembershipChange> builder)
    {
        builder.ToTable("api_clubmember_history");
        builder.Property(h => h.Kind)
            .HasConversion(k => k.ToString().ToLowerInvariant(), s => Enum.Parse<MembershipChangeKind>(s, true))
            .HasMaxLength(20);
        builder.HasOne<ClubMember>().WithMany().HasForeignKey(h => h.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.MemberId, h.ChangedAt }).HasDatabaseName("idx_clubmember_history_member");
        builder.HasIndex(h => h.ClubId).HasDatabaseName("idx_clubmember_history_club");
    }
}
