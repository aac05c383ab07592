using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// A row of <c>api_account_mail_request</c>: someone asked for a password reset or a new verification
/// link for an address. Written alike for every address, whether or not it has an account, so that
/// the answer takes as long either way; <see cref="AccountMailRequests"/> does the rest off the request path.
/// </summary>
internal sealed class AccountMailRequest
{
    public long Id { get; set; }

    public AccountMailKind Kind { get; set; }

    /// <summary>The address as asked for, normalised as users' emails are.</summary>
    public string Email { get; set; } = "";

    public DateTime RequestedAt { get; set; }
}

internal enum AccountMailKind
{
    PasswordReset = 1,
    Verification = 2,
}

internal sealed class AccountMailRequestConfiguration : IEntityTypeConfiguration<AccountMailRequest>
{
    public void Configure(EntityTypeBuilder<AccountMailRequest> builder)
    {
        builder.ToTable("api_account_mail_request");
        builder.Property(r => r.Email).HasMaxLength(254);
    }
}
