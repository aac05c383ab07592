namespace CertifyTrack.Shared.Notifications;

/// <summary>
/// What to tell a user: a <see cref="Kind"/> from <see cref="NotificationKinds"/> (preferences key
/// on it), a short <see cref="Title"/> (at most <see cref="MaxTitleLength"/> characters) and a
/// <see cref="Message"/> (at most <see cref="MaxMessageLength"/>; the whole notification travels
/// to live subscribers as one event-bus message).
/// </summary>
public sealed record NotificationRequest(string Kind, string Title, string Message)
{
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
