namespace CertifyTrack.Modules.Users.Audit;

/// <summary>
/// <c>Audit:*</c> settings. <see cref="RetentionDays"/> (default 3 years) is how long rows are
/// kept; it may not be less than <see cref="MinimumRetentionDays"/>, which the PostgreSQL trigger
/// also holds. <see cref="SweepInterval"/> is how often the sweep runs.
/// </summary>
internal sealed class AuditOptions
{
    public const string Section = "Audit";

    public const int MinimumRetentionDays = 365;

    public int RetentionDays { get; set; } = 3 * 365;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(24);

    public void Validate()
    {
        if (RetentionDays < MinimumRetentionDays)
        {
            throw new InvalidOperationException($"Audit:RetentionDays must be at least {MinimumRetentionDays}; it is {RetentionDays}.");
        }

        if (SweepInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Audit:SweepInterval must be positive.");
        }
    }
}
