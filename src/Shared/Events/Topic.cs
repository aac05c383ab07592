namespace CertifyTrack.Shared.Events;

/// <summary>
/// A named stream of real-time messages of one type, e.g.
/// <c>new Topic&lt;AttendanceChanged&gt;($"events.{eventId}.attendance")</c>. Messages travel as JSON
/// (System.Text.Json, web defaults), also within one instance, so a message type that does not
/// survive the round trip fails in development already.
/// </summary>
public sealed class Topic<T>
    where T : class
{
    /// <summary>
    /// The largest message, as UTF-8 JSON with its envelope, the bus accepts. PostgreSQL refuses a
    /// <c>NOTIFY</c> payload of 8000 bytes or more; the bus refuses above this on every provider.
    /// </summary>
    public const int MaxPayloadBytes = 7000;

    /// <summary>The longest topic name accepted.</summary>
    public const int MaxNameLength = 200;

    public Topic(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, MaxNameLength, nameof(name));
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => $"{Name} ({typeof(T).Name})";
}
