using System.Text.RegularExpressions;

namespace CertifyTrack.Host.Events;

/// <summary>Settings of the event bus, section <c>EventBus</c>.</summary>
internal sealed partial class EventBusOptions
{
    public const string Section = "EventBus";

    /// <summary>The PostgreSQL <c>LISTEN/NOTIFY</c> channel (a plain lower-case identifier).</summary>
    public string Channel { get; set; } = "certifytrack_events";

    /// <summary>The first wait before the listener reconnects; doubled after each failure.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two reconnection attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the idle listener checks its connection (Npgsql keepalive), in seconds.</summary>
    public int ListenerKeepAliveSeconds { get; set; } = 15;

    /// <summary>Messages buffered per subscriber; beyond, a slow subscriber loses the oldest.</summary>
    public int SubscriberBuffer { get; set; } = 256;

    public void Validate()
    {
        if (!ChannelName().IsMatch(Channel))
        {
            throw new InvalidOperationException($"EventBus:Channel '{Channel}' must be a lower-case identifier (a-z, 0-9, _), at most 63 characters.");
        }

        if (ReconnectDelay <= TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay)
        {
            throw new InvalidOperationException("EventBus:ReconnectDelay must be positive and at most EventBus:MaxReconnectDelay.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ListenerKeepAliveSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriberBuffer, 1);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex ChannelName();
}
