using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CertifyTrack.Shared.Events;

namespace CertifyTrack.Host.Events;

/// <summary>
/// A topic message on its way: a unique id, the instance that published it, the topic and the
/// message as JSON. The same text is the PostgreSQL <c>NOTIFY</c> payload.
/// </summary>
internal sealed record TopicEnvelope(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("origin")] Guid Origin,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("message")] JsonElement Message)
{
    public static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    /// <summary>Wraps a message, refusing one too large for a <c>NOTIFY</c>.</summary>
    public static (TopicEnvelope Envelope, string Payload) Create<T>(Guid origin, Topic<T> topic, T message)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(message);
        var envelope = new TopicEnvelope(Guid.NewGuid(), origin, topic.Name, JsonSerializer.SerializeToElement(message, MessageJson));
        var payload = JsonSerializer.Serialize(envelope);
        var bytes = Encoding.UTF8.GetByteCount(payload);
        if (bytes > Topic<T>.MaxPayloadBytes)
        {
            throw new ArgumentException(
                $"A message on topic '{topic.Name}' takes {bytes} bytes; the bus carries at most {Topic<T>.MaxPayloadBytes}. " +
                "Send ids and let subscribers read the rows.",
                nameof(message));
        }

        return (envelope, payload);
    }

    /// <summary>Reads a payload; null when it is not an envelope of this bus.</summary>
    public static TopicEnvelope? Parse(string payload)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<TopicEnvelope>(payload);
            return envelope is { Topic: not null, Message.ValueKind: not JsonValueKind.Undefined } && envelope.Id != Guid.Empty ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
