using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Events.Persistence;

/// <summary>
/// <c>api_club</c> as a foreign-key target only: Clubs owns and migrates it, Events never queries it
/// (what a club allows is asked through Clubs' contracts; ADR 0002).
/// </summary>
internal sealed class ClubRow
{
    public long Id { get; set; }
}

/// <summary><c>api_student</c> as a foreign-key target only (Users' table).</summary>
internal sealed class StudentRow
{
    public long Id { get; set; }
}

internal static class OtherModulesTables
{
    public static void MapOtherModulesTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClubRow>().ToTable("api_club", t => t.ExcludeFromMigrations());
        modelBuilder.Entity<StudentRow>().ToTable("api_student", t => t.ExcludeFromMigrations());
    }
}
