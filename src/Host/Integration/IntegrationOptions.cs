namespace CertifyTrack.Host.Integration;

/// <summary>Settings of durable integration events, section <c>IntegrationEvents</c>.</summary>
internal sealed class IntegrationOptions
{
    public const string Section = "IntegrationEvents";

    /// <summary>Attempts per message and handler before it is parked (default 5: about 10 minutes with the default delay).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failure; doubled after each further one (40 s, 80 s, 160 s, 320 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>How often the dispatcher looks for due rows when no doorbell rings (retries, a lost NOTIFY).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delivered rows are deleted after this long.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often delivered rows past the retention are deleted.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Deliveries one instance runs at once on PostgreSQL (SQLite: always one claimer).</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Off: this instance publishes but delivers nothing (tests; a publish-only instance).</summary>
    public bool RunDispatcher { get; set; } = true;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, $"{Section}:MaxAttempts");
        ArgumentOutOfRangeException.ThrowIfLessThan(Concurrency, 1, $"{Section}:Concurrency");
        if (RetryBaseDelay <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || Retention <= TimeSpan.Zero || PruneInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}: RetryBaseDelay, PollInterval, Retention and PruneInterval must be positive.");
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Backoff(int attempt) => RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
}
