using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>
/// A row of <c>api_notificationpreference</c>: one user's choice for one notification kind. No row
/// means the default (in the app and by email). Security kinds never have a row switched off.
/// </summary>
internal sealed class NotificationPreference
{
    public long UserId { get; set; }

    public string Kind { get; set; } = "";

    public bool InApp { get; set; } = true;

    public bool Email { get; set; } = true;
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("api_notificationpreference");
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.Kind).HasMaxLength(50);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
