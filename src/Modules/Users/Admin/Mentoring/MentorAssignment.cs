using CertifyTrack.Modules.Users.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Admin.Mentoring;

/// <summary>
/// A row of <c>api_mentor_assignment</c>: one change of a student's mentor, kept as history.
/// Mentor ids and the assigning user are plain values (no foreign key), so the history outlives
/// the mentor or admin; the row goes with its student.
/// </summary>
internal sealed class MentorAssignment
{
    public long Id { get; set; }

    public long StudentId { get; set; }

    public long? OldMentorId { get; set; }

    public long NewMentorId { get; set; }

    public long? AssignedById { get; set; }

    public DateTime AssignedAt { get; set; }
}

internal sealed class MentorAssignmentConfiguration : IEntityTypeConfiguration<MentorAssignment>
{
    public void Configure(EntityTypeBuilder<MentorAssignment> builder)
    {
        builder.ToTable("api_mentor_assignment");
        builder.HasOne<Student>().WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.StudentId, a.AssignedAt }).HasDatabaseName("idx_mentor_assignment_student_at");
        builder.HasIndex(a => a.NewMentorId).HasDatabaseName("idx_mentor_assignment_new_mentor");
    }
}
