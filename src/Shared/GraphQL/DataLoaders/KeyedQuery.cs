using System.Linq.Expressions;
using System.Reflection;
using CertifyTrack.Shared.GraphQL.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.GraphQL.DataLoaders;

/// <summary>Runs <c>source.Where(row =&gt; keys.Contains(key(row)))</c> on a short context of its own.</summary>
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
        var inKeys = Expression.Call(
            Contains.MakeGenericMethod(typeof(TKey)),
            ListExpressions.Parameter(keys.ToList(), typeof(List<TKey>)),
            key.Body);
        return await source(db).Where(Expression.Lambda<Func<TValue, bool>>(inKeys, row)).ToListAsync(cancellationToken);
    }
}
