using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.GraphQL.DataLoaders;

/// <summary>
/// Loads the rows that point at a key (an author's books), one SQL statement per batch of keys.
/// The source's order is kept within each key's list. Declare it once, as a static field:
/// <code>
/// static readonly CollectionLoader&lt;LibraryDbContext, long, Book&gt; BooksByAuthor =
///     new(db =&gt; db.Books.OrderBy(b =&gt; b.Title), b =&gt; b.AuthorId);
/// Field&lt;NonNullGraphType&lt;ListGraphType&lt;NonNullGraphType&lt;BookType&gt;&gt;&gt;&gt;("books")
///     .Resolve(c =&gt; BooksByAuthor.Load(c, c.Source.Id));
/// </code>
/// </summary>
public sealed class CollectionLoader<TDb, TKey, TValue>
    where TDb : DbContext
    where TKey : notnull
{
    private readonly Func<TDb, IQueryable<TValue>> source;
    private readonly Expression<Func<TValue, TKey>> key;
    private readonly Func<TValue, TKey> keyOf;

    /// <param name="source">The rows to look in, in the order each list should have.</param>
    /// <param name="key">The (foreign) key that points a row at its parent.</param>
    public CollectionLoader(Func<TDb, IQueryable<TValue>> source, Expression<Func<TValue, TKey>> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        this.source = source;
        this.key = key;
        keyOf = key.Compile();
    }

    /// <summary>The rows whose key is <paramref name="value"/>; empty when there are none.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> Load(IResolveFieldContext context, TKey value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices!;
        return DataLoaderStore.GetOrAdd(context, this, () => new RequestBatcher<TKey, IReadOnlyList<TValue>>(
            async (keys, ct) =>
            {
                var rows = await KeyedQuery.LoadAsync(services, source, key, keys, ct);
                return rows.GroupBy(keyOf).ToDictionary(g => g.Key, IReadOnlyList<TValue> (g) => g.ToList());
            },
            missing: [])).Load(value);
    }
}
