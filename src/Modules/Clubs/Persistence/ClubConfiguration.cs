using CertifyTrack.Modules.Clubs.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Clubs.Persistence;

internal sealed class ClubConfiguration : IEntityTypeConfiguration<Club>
{
    public const string NameIndex = "ux_club_normalized_name";

    public void Configure(EntityTypeBuilder<Club> builder)
    {
        builder.ToTable("api_club", t => t.HasCheckConstraint(
            "ck_api_club_active_member_count", $"active_member_count BETWEEN 0 AND {Club.MaxActiveMembers}"));
        builder.Property(c => c.Name).HasMaxLength(Club.NameMaxLength);
        builder.Property(c => c.NormalizedName).HasMaxLength(Club.NameMaxLength);
        builder.Property(c => c.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(c => c.AllowsSelfJoin).HasDefaultValue(true).ValueGeneratedNever();

        // Users' profile tables, referenced but never read (ADR 0002: mapped here, migrated by Users).
        builder.HasOne<MentorRow>().WithMany().HasForeignKey(c => c.FacultyCoordinatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudentRow>().WithMany().HasForeignKey(c => c.ClubHeadId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => c.NormalizedName).IsUnique().HasDatabaseName(NameIndex);
        builder.HasIndex(c => c.Name).HasDatabaseName("idx_club_name");
        builder.HasIndex(c => c.IsActive).HasDatabaseName("idx_club_is_active");
        builder.HasIndex(c => c.FacultyCoordinatorId).HasDatabaseName("idx_club_faculty_coordinator_id");
        builder.HasIndex(c => c.FacultyCoordinatorUserId).HasDatabaseName("idx_club_faculty_coordinator_user_id");
        builder.HasIndex(c => new { c.EstablishedDate, c.Id }).HasDatabaseName("idx_club_established_date");
    }
}
