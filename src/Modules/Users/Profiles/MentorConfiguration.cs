using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Profiles;

internal sealed class MentorConfiguration : IEntityTypeConfiguration<Mentor>
{
    public const string EmployeeIdIndex = "idx_mentor_employee_id";

    public void Configure(EntityTypeBuilder<Mentor> builder)
    {
        builder.ToTable("api_mentor");
        builder.Property(m => m.EmployeeId).HasMaxLength(20);
        builder.Property(m => m.Department).HasMaxLength(100);
        builder.Property(m => m.Designation).HasMaxLength(100);
        builder.Property(m => m.PhoneNumber).HasMaxLength(20);
        builder.Property(m => m.ProfilePhoto).HasMaxLength(255);

        builder.HasOne<User>().WithOne().HasForeignKey<Mentor>(m => m.UserId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(m => m.EmployeeId).IsUnique().HasDatabaseName(EmployeeIdIndex);
    }
}
