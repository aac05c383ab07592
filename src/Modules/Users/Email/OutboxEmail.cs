using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// A row of <c>api_email_outbox</c>: a rendered message waiting for delivery. Once sent, its body
/// is erased (it may carry a single-use link); subject, recipient and times stay for support.
/// </summary>
internal sealed class OutboxEmail
{
    public long Id { get; set; }

    public string ToAddress { get; set; } = "";

    public string Subject { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public string Template { get; set; } = "";

    public OutboxStatus Status { get; set; }

    /// <summary>Delivery attempts made (claimed) so far.</summary>
    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the next attempt is due (while pending); a claim moves it forward.</summary>
    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }
}

internal enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("api_email_outbox");
        builder.Property(e => e.ToAddress).HasMaxLength(254);
        builder.Property(e => e.Subject).HasMaxLength(255);
        builder.Property(e => e.Template).HasMaxLength(100);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt }).HasDatabaseName("idx_email_outbox_due");
    }
}
