using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.GraphQL.DataLoaders;

/// <summary>
/// Loads one row per key (a book's author), one SQL statement per batch of keys. Declare it once,
/// as a static field, and call <see cref="Load"/> from resolvers:
/// <code>
/// static readonly BatchLoader&lt;LibraryDbContext, long, Author&gt; AuthorById = new(db =&gt; db.Authors, a =&gt; a.Id);
/// Field&lt;NonNullGraphType&lt;AuthorType&gt;&gt;("author").Resolve(c =&gt; AuthorById.Load(c, c.Source.AuthorId));
/// </code>
/// </summary>
public sealed class BatchLoader<TDb, TKey, TValue>
    where TDb : DbContext
    where TKey : notnull
    where TValue : class
{
    private readonly Func<TDb, IQueryable<TValue>> source;
    private readonly Expression<Func<TValue, TKey>> key;
    private readonly Func<TValue, TKey> keyOf;

    /// <param name="source">The rows to look in (a DbSet, optionally filtered).</param>
    /// <param name="key">The unique key the rows are found by.</param>
    public BatchLoader(Func<TDb, IQueryable<TValue>> source, Expression<Func<TValue, TKey>> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        this.source = source;
        this.key = key;
        keyOf = key.Compile();
    }

    /// <summary>The row with <paramref name="value"/> as its key; null when there is none.</summary>
    public IDataLoaderResult<TValue?> Load(IResolveFieldContext context, TKey value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices!;
        return DataLoaderStore.GetOrAdd(context, this, () => new RequestBatcher<TKey, TValue?>(
            async (keys, ct) =>
            {
                var rows = await KeyedQuery.LoadAsync(services, source, key, keys, ct);
                return rows.ToDictionary(keyOf, TValue? (row) => row);
            },
            missing: null)).Load(value);
    }
}
