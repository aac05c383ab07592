using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// A row of <c>api_email_throttle</c>: how many emails of one kind went to one address in the current
/// window (<see cref="EmailThrottle"/>). The address is normalised as users' emails are.
/// </summary>
internal sealed class EmailThrottleEntry
{
    public string Address { get; set; } = "";

    /// <summary>The template name, or <c>notification.<c>notification/&lt;kind&gt;</c>lt;kind<c>notification/&lt;kind&gt;</c>gt;</c> for notifications.</summary>
    public string Kind { get; set; } = "";

    public DateTime WindowStart { get; set; }

    public int Sent { get; set; }
}

internal sealed class EmailThrottleEntryConfiguration : IEntityTypeConfiguration<EmailThrottleEntry>
{
    public void Configure(EntityTypeBuilder<EmailThrottleEntry> builder)
    {
        builder.ToTable("api_email_throttle");
        builder.HasKey(e => new { e.Address, e.Kind });
        builder.Property(e => e.Address).HasMaxLength(254);
        builder.Property(e => e.Kind).HasMaxLength(100);
        builder.HasIndex(e => e.WindowStart).HasDatabaseName("idx_email_throttle_window_start");
    }
}
