using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Profiles;

internal sealed class StudentConfiguration : IEntityTypeConfiguration<Student>
{
    public const string UsnIndex = "idx_student_usn";

    public void Configure(EntityTypeBuilder<Student> builder)
    {
        builder.ToTable("api_student", t =>
        {
            t.HasCheckConstraint("ck_api_student_semester", "semester BETWEEN 1 AND 8");
            t.HasCheckConstraint("ck_api_student_usn_upper", "usn = upper(usn)");
        });
        builder.Property(s => s.Usn).HasMaxLength(20);
        builder.Property(s => s.Department).HasMaxLength(100);
        builder.Property(s => s.AdmissionType)
            .HasConversion(v => v.ToString().ToLowerInvariant(), v => Enum.Parse<AdmissionType>(v, true))
            .HasMaxLength(20);
        builder.Property(s => s.PhoneNumber).HasMaxLength(20);
        builder.Property(s => s.ProfilePhoto).HasMaxLength(255);
        builder.Property(s => s.EmergencyContactName).HasMaxLength(100);
        builder.Property(s => s.EmergencyContactPhone).HasMaxLength(20);

        builder.HasOne<User>().WithOne().HasForeignKey<Student>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Mentor>().WithMany().HasForeignKey(s => s.MentorId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(s => s.Usn).IsUnique().HasDatabaseName(UsnIndex);
        builder.HasIndex(s => s.MentorId).HasDatabaseName("idx_student_mentor_id");
    }
}
