using System.Linq.Expressions;
using System.Reflection;
using CertifyTrack.Shared.GraphQL.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.GraphQL.DataLoaders;

/// <summary>
/// Runs <c>source.Where(row =&gt; keys.Contains(key(row)))</c> on a short context of its own; for a
/// single key <c>key(row) == value</c>. EF Core expands a list parameter into one SQL parameter per
/// element when it runs the query, so the SQL of a <c>Contains</c> is built again on every execution
/// (never cached); an equality's SQL is built once. Most loads of a request ask for one key (<c>me</c>,
/// a profile by its user), and both forms read the same rows.
/// </summary>
internal static class KeyedQuery
{
    private static readonly MethodInfo Contains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    public static async Task<List<TValue>> LoadAsync<TDb, TKey, TValue>(
        IServiceProvider services,
        Func<TDb, IQueryable<TValue>> source,
        Expression<Func<TValue, TKey>> key,
        IReadOnlyList<TKey> keys,
        CancellationToken cancellationToken)
        where TDb : DbContext
    {
        var factory = services.GetRequiredService<IDbContextFactory<TDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = key.Parameters[0];
        Expression inKeys = keys.Count == 1
            ? Expression.Equal(key.Body, ListExpressions.Parameter(keys[0], typeof(TKey)))
            : Expression.Call(
                Contains.MakeGenericMethod(typeof(TKey)),
                ListExpressions.Parameter(keys.ToList(), typeof(List<TKey>)),
                key.Body);
        return await source(db).Where(Expression.Lambda<Func<TValue, bool>>(inKeys, row)).ToListAsync(cancellationToken);
    }
}
