using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>A row of <c>api_notification</c>: one in-app notification of one user.</summary>
internal sealed class Notification : INode
{
    public static string TypeName => "Notification";

    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>What happened (<c>registration_confirmed</c>, <c>points_approved</c>, …); preferences key on it.</summary>
    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public string Message { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public bool IsRead { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("api_notification");
        builder.Property(n => n.Kind).HasMaxLength(50);
        builder.Property(n => n.Title).HasMaxLength(255);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt }).HasDatabaseName("idx_notification_user_created");
        builder.HasIndex(n => n.ExpiresAt).HasDatabaseName("idx_notification_expires_at");
    }
}
