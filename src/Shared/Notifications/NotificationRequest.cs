namespace CertifyTrack.Shared.Notifications;

/// <summary>
/// What to tell a user: a <see cref="Kind"/> from <see cref="NotificationKinds"/> (preferences key
/// on it), a short <see cref="Title"/> (at most <see cref="MaxTitleLength"/> characters) and a
/// <see cref="Message"/> (at most <see cref="MaxMessageLength"/>; the whole notification travels
/// to live subscribers as one event-bus message). The same title and message go out by email
/// too, unless <see cref="SendEmail"/> is false.
/// </summary>
public sealed record NotificationRequest(string Kind, string Title, string Message)
{
    /// <summary>
    /// False when the caller already sends a dedicated email for this event (the account mail's
    /// "your password was changed"): then only the in-app notification is written, so the user
    /// gets one email per event, not two.
    /// </summary>
    public bool SendEmail { get; init; } = true;

    public const int MaxTitleLength = 255;

    public const int MaxMessageLength = 1000;

    /// <summary>Throws <see cref="ArgumentException"/> when a field is missing, unknown or too long.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(Title);
        ArgumentNullException.ThrowIfNull(Message);
        if (!NotificationKinds.All.Contains(Kind))
        {
            throw new ArgumentException($"'{Kind}' is not a notification kind of NotificationKinds.", nameof(Kind));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(Title.Length, MaxTitleLength, nameof(Title));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Message.Length, MaxMessageLength, nameof(Message));
    }
}
