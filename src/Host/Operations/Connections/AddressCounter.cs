namespace CertifyTrack.Host.Operations.Connections;

/// <summary>
/// Open things (connections, sockets) per client address key, each at most <c>max</c>:
/// <see cref="TryEnter"/> takes a slot and disposing the returned lease gives it back.
/// </summary>
internal sealed class AddressCounter(int max)
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>A slot for <paramref name="key"/>, or null when it holds <c>max</c> already.</summary>
    public IDisposable? TryEnter(string key)
    {
        lock (gate)
        {
            var count = counts.GetValueOrDefault(key);
            if (count >= max)
            {
                return null;
            }

            counts[key] = count + 1;
        }

        return new Lease(this, key);
    }

    private void Exit(string key)
    {
        lock (gate)
        {
            if (--counts[key] == 0)
            {
                counts.Remove(key);
            }
        }
    }

    private sealed class Lease(AddressCounter owner, string key) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Exit(key);
            }
        }
    }
}
