namespace CertifyTrack.Modules.Users.Notifications;

/// <summary>
/// <c>Notifications:*</c> settings: how long a notification lives (<see cref="RetentionDays"/>,
/// default 30) and how often expired ones are swept (<see cref="SweepInterval"/>).
/// </summary>
internal sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public int RetentionDays { get; set; } = 30;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (RetentionDays < 1)
        {
            throw new InvalidOperationException($"Notifications:RetentionDays must be at least 1; it is {RetentionDays}.");
        }

        if (SweepInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Notifications:SweepInterval must be positive.");
        }
    }
}
