namespace CertifyTrack.Shared.Events;

/// <summary>
/// The stable name of a durable integration event as stored in the outbox, e.g.
/// <c>[IntegrationEvent("events.event-completed", 1)]</c> is stored as <c>events.event-completed.v1</c>.
/// Renaming the record does not change it. A change that old rows cannot be read as is a new
/// record with the next version; keep the old one (and its handlers) until its rows are delivered.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute : Attribute
{
    public const int MaxNameLength = 200;

    public IntegrationEventAttribute(string name, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Name = name;
        Version = version;
    }

    public string Name { get; }

    public int Version { get; }

    /// <summary>The type column of the outbox: <c>name.vN</c>.</summary>
    public string StoredName => $"{Name}.v{Version}";

    /// <summary>The stored name of <paramref name="type"/>; throws when it carries no attribute.</summary>
    public static string StoredNameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var attribute = (IntegrationEventAttribute?)GetCustomAttribute(type, typeof(IntegrationEventAttribute))
            ?? throw new InvalidOperationException($"{type.FullName} is a durable integration event without [IntegrationEvent(name, version)].");
        var stored = attribute.StoredName;
        return stored.Length <= MaxNameLength
            ? stored
            : throw new InvalidOperationException($"The integration event name of {type.FullName} is longer than {MaxNameLength} characters.");
    }
}
