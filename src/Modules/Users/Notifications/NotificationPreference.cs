using System.Globalization;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Shared.Notifications;
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

    /// <summary>Sets the channels given; null leaves one as it is.</summary>
    public void Change(bool? inApp, bool? email)
    {
        InApp = inApp ?? InApp;
        Email = email ?? Email;
    }

    /// <summary>Known kinds, each once, and no security kind switched off: every broken entry at once.</summary>
    public static void Check(IReadOnlyList<NotificationPreferenceInput> preferences)
    {
        var errors = new List<UserError>();
        for (var i = 0; i < preferences.Count; i++)
        {
            var p = preferences[i];
            string[] at = ["input", "preferences", i.ToString(CultureInfo.InvariantCulture), "kind"];
            if (!NotificationKinds.All.Contains(p.Kind))
            {
                errors.Add(new UserError(UsersErrorCodes.UnknownNotificationKind, $"'{p.Kind}' is not a notification kind.", at));
            }
            else if (NotificationKinds.Security.Contains(p.Kind) && (p.InApp == false || p.Email == false))
            {
                errors.Add(new UserError(UsersErrorCodes.SecurityNotificationRequired, $"Security notifications ({p.Kind}) cannot be switched off.", at));
            }
            else if (preferences.Take(i).Any(q => q.Kind == p.Kind))
            {
                errors.Add(new UserError(UsersErrorCodes.DuplicateNotificationKind, $"'{p.Kind}' is given more than once.", at));
            }
        }

        errors.ThrowIfAny();
    }
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
