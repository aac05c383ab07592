namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// <c>Email:*</c>. Without <c>Email:Smtp:Host</c> mail is written as <c>.eml</c> files to
/// <see cref="PickupDirectory"/> (default <c>data/mail</c>) so a newcomer can open what was sent.
/// </summary>
internal sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "CertifyTrack <no-reply@certifytrack.local>";

    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public EmailThrottleOptions Throttle { get; set; } = new();
}

/// <summary>
/// <c>Email:Throttle</c>: at most <see cref="MaxPerWindow"/> emails of one kind (template, or notification
/// kind) to one address per <see cref="Window"/>; <see cref="Kinds"/> overrides the number per kind
/// (<c>Email:Throttle:Kinds:password-reset</c>). Mail over it is not queued.
/// </summary>
internal sealed class EmailThrottleOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    public int MaxPerWindow { get; set; } = 5;

    public Dictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);

    public int MaxFor(string kind) => Kinds.TryGetValue(kind, out var max) ? max : MaxPerWindow;
}

internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c> (STARTTLS when offered), <c>StartTls</c>, <c>SslOnConnect</c> or <c>None</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }

    public string? Password { get; set; }
}

internal sealed class OutboxOptions
{
    /// <summary>Retries after the first attempt; then the message is marked failed.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each further retry waits twice as long.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the worker looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claimed message stays invisible to other workers while it is being sent.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Off in tests that drive <see cref="OutboxDispatcher"/> themselves.</summary>
    public bool RunWorker { get; set; } = true;
}
