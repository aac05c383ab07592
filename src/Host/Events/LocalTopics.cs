using System.Text.Json;

namespace CertifyTrack.Host.Events;

/// <summary>One subscriber of a topic on this instance.</summary>
internal interface ITopicSubscriber
{
    string TopicName { get; }

    /// <summary>Takes a message without blocking the publisher.</summary>
    void Offer(JsonElement message);

    /// <summary>Ends the subscription: the host stops.</summary>
    void Complete();
}

/// <summary>The topic subscribers of this instance; delivery is local only (the fan-out reaches the others).</summary>
internal sealed class LocalTopics
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<ITopicSubscriber>> subscribers = new(StringComparer.Ordinal);
    private bool stopped;

    public LocalTopics(IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        lifetime.ApplicationStopping.Register(CompleteAll);
    }

    public void Add(ITopicSubscriber subscriber)
    {
        lock (gate)
        {
            if (!stopped)
            {
                if (!subscribers.TryGetValue(subscriber.TopicName, out var list))
                {
                    subscribers[subscriber.TopicName] = list = [];
                }

                list.Add(subscriber);
                return;
            }
        }

        subscriber.Complete();
    }

    /// <summary>How many subscribers of <paramref name="topicName"/> this instance has.</summary>
    public int CountSubscribers(string topicName)
    {
        lock (gate)
        {
            return subscribers.TryGetValue(topicName, out var list) ? list.Count : 0;
        }
    }

    public void Remove(ITopicSubscriber subscriber)
    {
        lock (gate)
        {
            if (subscribers.TryGetValue(subscriber.TopicName, out var list) && list.Remove(subscriber) && list.Count == 0)
            {
                subscribers.Remove(subscriber.TopicName);
            }
        }
    }

    public void Deliver(TopicEnvelope envelope)
    {
        ITopicSubscriber[] targets;
        lock (gate)
        {
            targets = subscribers.TryGetValue(envelope.Topic, out var list) ? [.. list] : [];
        }

        foreach (var target in targets)
        {
            target.Offer(envelope.Message);
        }
    }

    private void CompleteAll()
    {
        ITopicSubscriber[] all;
        lock (gate)
        {
            stopped = true;
            all = [.. subscribers.Values.SelectMany(list => list)];
            subscribers.Clear();
        }

        foreach (var subscriber in all)
        {
            subscriber.Complete();
        }
    }
}
