using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// A row of <c>api_login_failure</c>: the password attempts at one username from one network
/// (<see cref="SignInSource"/>) since the last success there. Kept for every username tried, known
/// or not, so that an unknown name locks and answers exactly like a real one. Written only by the
/// single conditional statements of <see cref="LoginAttempts"/>.
/// </summary>
internal sealed class LoginFailure
{
    /// <summary>The normalised username (<see cref="Accounts.User.Normalize"/>).</summary>
    public string Username { get; set; } = "";

    public string Source { get; set; } = "";

    /// <summary>Attempts since the last success or the last expired lock, the one being checked included.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Set by the attempt that reached <see cref="LoginRules.MaxFailedAttempts"/>; later attempts are refused unchecked until then.</summary>
    public DateTime? LockedUntil { get; set; }

    public DateTime LastAttemptAt { get; set; }
}

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> builder)
    {
        builder.ToTable("api_login_failure");
        builder.HasKey(f => new { f.Username, f.Source });
        builder.Property(f => f.Username).HasMaxLength(LoginAttempts.MaxUsernameLength);
        builder.Property(f => f.Source).HasMaxLength(64);
        builder.HasIndex(f => f.LastAttemptAt).HasDatabaseName("idx_login_failure_last_attempt_at");
    }
}
