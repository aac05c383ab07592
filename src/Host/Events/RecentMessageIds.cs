namespace CertifyTrack.Host.Events;

/// <summary>The last few message ids a listener delivered, so a repeated notification is delivered once.</summary>
internal sealed class RecentMessageIds(int capacity)
{
    private readonly Lock gate = new();
    private readonly HashSet<Guid> seen = [];
    private readonly Queue<Guid> order = new();

    /// <summary>True when <paramref name="id"/> is new (and now remembered).</summary>
    public bool Add(Guid id)
    {
        lock (gate)
        {
            if (!seen.Add(id))
            {
                return false;
            }

            order.Enqueue(id);
            if (order.Count > capacity)
            {
                seen.Remove(order.Dequeue());
            }

            return true;
        }
    }
}
