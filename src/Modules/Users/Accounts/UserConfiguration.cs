using CertifyTrack.Modules.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CertifyTrack.Modules.Users.Accounts;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const string UsernameIndex = "ux_user_username";
    public const string EmailIndex = "ux_user_email";

    /// <summary>The seed's values of <c>user_type</c>.</summary>
    public static readonly ValueConverter<UserKind, string> UserKindConverter = new(
        kind => kind == UserKind.Student ? "student"
            : kind == UserKind.Mentor ? "mentor"
            : kind == UserKind.ClubOrganizer ? "club_organizer"
            : "admin",
        text => text == "student" ? UserKind.Student
            : text == "mentor" ? UserKind.Mentor
            : text == "club_organizer" ? UserKind.ClubOrganizer
            : UserKind.Admin);

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("auth_user");
        builder.Property(u => u.Username).HasMaxLength(150);
        builder.Property(u => u.NormalizedUsername).HasMaxLength(150);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(254);
        builder.Property(u => u.Password).HasMaxLength(255);
        builder.Property(u => u.FirstName).HasMaxLength(150);
        builder.Property(u => u.LastName).HasMaxLength(150);
        builder.Property(u => u.UserType).HasConversion(UserKindConverter).HasMaxLength(20);
        builder.Property(u => u.SecurityStamp).HasMaxLength(32);

        builder.HasIndex(u => u.NormalizedUsername).IsUnique().HasDatabaseName(UsernameIndex);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName(EmailIndex);
        builder.HasIndex(u => u.Username).HasDatabaseName("idx_user_username");
        builder.HasIndex(u => u.Email).HasDatabaseName("idx_user_email");
        builder.HasIndex(u => u.UserType).HasDatabaseName("idx_user_user_type");
    }
}
