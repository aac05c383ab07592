using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Clubs.Persistence;

/// <summary>
/// <c>api_student</c> as a foreign-key target only: Users owns and migrates it, Clubs never
/// queries it (who is a student is asked through Users' contracts).
/// </summary>
internal sealed class StudentRow
{
    public long Id { get; set; }
}

/// <summary><c>api_mentor</c> as a foreign-key target only (see <see cref="StudentRow"/>).</summary>
internal sealed class MentorRow
{
    public long Id { get; set; }
}

internal static class UsersTables
{
    public static void MapUsersTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StudentRow>().ToTable("api_student", t => t.ExcludeFromMigrations());
        modelBuilder.Entity<MentorRow>().ToTable("api_mentor", t => t.ExcludeFromMigrations());
    }
}
