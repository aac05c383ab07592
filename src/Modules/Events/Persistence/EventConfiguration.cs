using CertifyTrack.Modules.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Events.Persistence;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("api_event", t =>
        {
            // The last line of defence behind the conditional seat update: no commit can overfill an event.
            t.HasCheckConstraint("ck_api_event_seats", "registered_count >= 0 AND (max_participants IS NULL OR registered_count <= max_participants)");
            t.HasCheckConstraint("ck_api_event_counts", "waitlisted_count >= 0 AND attended_count >= 0");
        });
        builder.Property(e => e.Name).HasMaxLength(Event.NameMaxLength);
        builder.Property(e => e.Description).HasMaxLength(Event.DescriptionMaxLength);
        builder.Property(e => e.CancelReason).HasMaxLength(Event.CancelReasonMaxLength);
        builder.Property(e => e.Status)
            .HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<EventStatus>(s, true))
            .HasMaxLength(20);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.SeatsLeft);
        builder.Ignore(e => e.IsFinal);
        builder.HasOne<ClubRow>().WithMany().HasForeignKey(e => e.ClubId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(e => e.Status).HasDatabaseName("idx_event_status");
        builder.HasIndex(e => new { e.Status, e.EventDate }).HasDatabaseName("idx_event_status_date");
        builder.HasIndex(e => e.ClubId).HasDatabaseName("idx_event_club_id");
        builder.HasIndex(e => new { e.EventDate, e.StartTime, e.Id }).HasDatabaseName("idx_event_date");
        builder.HasIndex(e => new { e.Name, e.Id }).HasDatabaseName("idx_event_name");
        builder.HasIndex(e => e.StartsAt).HasDatabaseName("idx_event_starts_at");
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    /// <summary>One row per (event, student): a racing second registration is this violation.</summary>
    public const string EventStudentIndex = "ux_eventregistration_event_student";

    public const string CheckInCodeIndex = "ux_eventregistration_check_in_code";

    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.ToTable("api_eventregistration");
        builder.Property(r => r.Status)
            .HasConversion(s => ToColumn(s), s => FromColumn(s))
            .HasMaxLength(20);
        builder.Property(r => r.CheckInCode).HasMaxLength(EventRegistration.CheckInCodeLength);
        builder.Ignore(r => r.IsActive);
        builder.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudentRow>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => new { r.EventId, r.StudentId }).IsUnique().HasDatabaseName(EventStudentIndex);
        builder.HasIndex(r => r.CheckInCode).IsUnique().HasDatabaseName(CheckInCodeIndex);
        builder.HasIndex(r => new { r.EventId, r.Status, r.WaitlistSequence }).HasDatabaseName("idx_registration_event_status");
        builder.HasIndex(r => new { r.StudentId, r.RegistrationDate }).HasDatabaseName("idx_registration_student_date");
        builder.HasIndex(r => new { r.UserId, r.EventId }).HasDatabaseName("idx_registration_user_event");
    }

    /// <summary>REGISTERED, WAITLISTED, ATTENDED, CANCELLED, NO_SHOW (the seed's spelling).</summary>
    public static string ToColumn(RegistrationStatus status) => status switch
    {
        RegistrationStatus.NoShow => "NO_SHOW",
        _ => status.ToString().ToUpperInvariant(),
    };

    public static RegistrationStatus FromColumn(string value) =>
        value == "NO_SHOW" ? RegistrationStatus.NoShow : Enum.Parse<RegistrationStatus>(value, true);
}

internal sealed class EventAttendanceConfiguration : IEntityTypeConfiguration<EventAttendance>
{
    public const string EventStudentIndex = "ux_eventattendance_event_student";

    public void Configure(EntityTypeBuilder<EventAttendance> builder)
    {
        builder.ToTable("api_eventattendance");
        builder.Property(a => a.IsPresent).HasDefaultValue(true).ValueGeneratedNever();
        builder.HasOne<Event>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudentRow>().WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EventId, a.StudentId }).IsUnique().HasDatabaseName(EventStudentIndex);
    }
}

internal sealed class StudentRegistrationLoadConfiguration : IEntityTypeConfiguration<StudentRegistrationLoad>
{
    public void Configure(EntityTypeBuilder<StudentRegistrationLoad> builder)
    {
        builder.ToTable("api_eventstudentload", t => t.HasCheckConstraint(
            "ck_api_eventstudentload_active", $"active_count BETWEEN 0 AND {StudentRegistrationLoad.MaxActiveRegistrations}"));
        builder.HasKey(l => l.StudentId);
        builder.Property(l => l.StudentId).ValueGeneratedNever();
        builder.HasOne<StudentRow>().WithMany().HasForeignKey(l => l.StudentId).OnDelete(DeleteBehavior.Restrict);
    }
}
