using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// A row of <c>api_account_token</c>: an emailed single-use token (email verification, password
/// reset, the set-password invitation of a user an admin created). The token is <c>selector + verifier</c>: the selector finds the row, the verifier is
/// stored only as its SHA-256 hash. Wrong verifiers count against the row.
/// </summary>
internal sealed class AccountToken
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public TokenPurpose Purpose { get; set; }

    public string Selector { get; set; } = "";

    /// <summary>SHA-256 of the verifier, lower-case hex.</summary>
    public string VerifierHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public int FailedAttempts { get; set; }
}

internal enum TokenPurpose
{
    EmailVerification = 1,
    PasswordReset = 2,

    /// <summary>The invitation of a user created or imported by an admin, who has no password yet.</summary>
    SetPassword = 3,
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> builder)
    {
        builder.ToTable("api_account_token");
        builder.Property(t => t.Selector).HasMaxLength(32);
        builder.Property(t => t.VerifierHash).HasMaxLength(64);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.Selector).IsUnique().HasDatabaseName("ux_account_token_selector");
        builder.HasIndex(t => new { t.UserId, t.Purpose }).HasDatabaseName("idx_account_token_user_purpose");
    }
}
