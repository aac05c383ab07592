using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Admin.Invitations;

/// <summary>
/// A row of <c>api_set_password_token</c>: the SHA-256 of a single-use set-password token sent
/// to a user an admin created or imported. The plaintext token exists only in the email.
/// </summary>
internal sealed class SetPasswordToken
{
    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}

internal sealed class SetPasswordTokenConfiguration : IEntityTypeConfiguration<SetPasswordToken>
{
    public void Configure(EntityTypeBuilder<SetPasswordToken> builder)
    {
        builder.ToTable("api_set_password_token");
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName("ux_set_password_token_hash");
        builder.HasIndex(t => t.UserId).HasDatabaseName("idx_set_password_token_user");
    }
}
