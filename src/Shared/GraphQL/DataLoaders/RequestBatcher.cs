using GraphQL.DataLoader;

namespace CertifyTrack.Shared.GraphQL.DataLoaders;

/// <summary>
/// Collects the keys one execution asks for and fetches them together. graphql-dotnet runs
/// every resolver that is not waiting on a loader first, then asks the loader results for their
/// values: the first ask sends the batch of all keys gathered so far; later asks await it. Keys
/// asked again within the execution reuse the answer. Safe for the parallel query strategy.
/// </summary>
internal sealed class RequestBatcher<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch = fetch;
    private readonly TValue missing = missing;
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, Batch> batchOfKey = [];
    private Batch? open;

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (gate)
        {
            if (!batchOfKey.TryGetValue(key, out var batch))
            {
                batch = open ??= new Batch(this);
                batch.Keys.Add(key);
                batchOfKey[key] = batch;
            }

            return new Result(batch, key);
        }
    }

    private sealed class Batch(RequestBatcher<TKey, TValue> owner)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? running;

        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken cancellationToken)
        {
            lock (owner.gate)
            {
                if (running is null)
                {
                    // Closed: keys asked from now on go to the next batch.
                    if (owner.open == this)
                    {
                        owner.open = null;
                    }

                    // Off the lock and off the caller: SQLite "async" commands run synchronously.
                    running = Task.Run(() => owner.fetch(Keys, cancellationToken), cancellationToken);
                }

                return running;
            }
        }

        public TValue Find(IReadOnlyDictionary<TKey, TValue> found, TKey key) =>
            found.TryGetValue(key, out var value) ? value : owner.missing;
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) =>
            batch.Find(await batch.RunAsync(cancellationToken), key);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
