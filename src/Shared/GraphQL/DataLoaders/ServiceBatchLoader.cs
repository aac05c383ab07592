using GraphQL;
using GraphQL.DataLoader;

namespace CertifyTrack.Shared.GraphQL.DataLoaders;

/// <summary>
/// Like <see cref="BatchLoader{TDb, TKey, TValue}"/>, for values another module's contract answers in
/// batches (<c>IUserDirectory.ByUserIdsAsync</c>: names of a club's members) rather than a table of
/// the caller's own: the keys one execution asks for go to <c>fetch</c> together, once per batch.
/// </summary>
public sealed class ServiceBatchLoader<TKey, TValue>(
    Func<IServiceProvider, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
    where TKey : notnull
{
    /// <summary>The value of <paramref name="key"/>; <c>missing</c> when the fetch did not answer it.</summary>
    public IDataLoaderResult<TValue> Load(IResolveFieldContext context, TKey key)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices!;
        return DataLoaderStore.GetOrAdd(context, this, () => new RequestBatcher<TKey, TValue>(
            (keys, ct) => fetch(services, keys, ct), missing)).Load(key);
    }
}
