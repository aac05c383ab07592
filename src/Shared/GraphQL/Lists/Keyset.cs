using System.Linq.Expressions;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>
/// Keyset (seek) paging over an ordered list of keys ending with the row id: ORDER BY the keys and
/// WHERE "after the cursor's values", never OFFSET. Nullable keys sort as if null were greater
/// than every value (last ascending, first descending) on every provider, by ordering on
/// <c>key IS NULL</c> first.
/// </summary>
internal static class Keyset
{
    public static IQueryable<T> OrderBy<T>(IQueryable<T> source, IReadOnlyList<OrderKey> keys, bool reverse)
    {
        var expression = source.Expression;
        var first = true;
        foreach (var key in keys)
        {
            var descending = key.Descending != reverse;
            if (key.Field.Nullable)
            {
                var selector = key.Field.Selector;
                var isNull = Expression.Lambda(Expression.Equal(selector.Body, Expression.Constant(null, selector.ReturnType)), selector.Parameters);
                expression = Order(expression, isNull, descending, first);
                first = false;
            }

            expression = Order(expression, key.Field.Selector, descending, first);
            first = false;
        }

        return source.Provider.CreateQuery<T>(expression);
    }

    /// <summary>
    /// Rows strictly after the row with <paramref name="values"/> in the order (before it when
    /// <paramref name="reverse"/>): (k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) OR … with &lt; for
    /// descending keys.
    /// </summary>
    public static Expression<Func<T, bool>> After<T>(IReadOnlyList<OrderKey> keys, IReadOnlyList<object?> values, bool reverse)
    {
        var row = Expression.Parameter(typeof(T), "x");
        Expression? any = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var column = ListExpressions.Apply(keys[i].Field.Selector, row);
            var beyond = Beyond(column, keys[i].Field.Nullable, values[i], keys[i].Descending != reverse);
            if (beyond is not null)
            {
                var term = equalSoFar is null ? beyond : Expression.AndAlso(equalSoFar, beyond);
                any = any is null ? term : Expression.OrElse(any, term);
            }

            var equal = values[i] is null
                ? Expression.Equal(column, Expression.Constant(null, column.Type))
                : Expression.Equal(column, ListExpressions.Parameter(values[i], column.Type));
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), row);
    }

    /// <summary>Column values strictly beyond <paramref name="value"/> in one direction; null when none can be.</summary>
    private static Expression? Beyond(Expression column, bool nullable, object? value, bool descending)
    {
        var isNull = nullable ? Expression.Equal(column, Expression.Constant(null, column.Type)) : null;
        if (value is null)
        {
            // Null is greatest: nothing is beyond it ascending; every non-null value is, descending.
            return descending ? Expression.Not(isNull!) : null;
        }

        var parameter = ListExpressions.Parameter(value, column.Type);
        if (descending)
        {
            return ListExpressions.Compare(column, parameter, ExpressionType.LessThan);
        }

        var greater = ListExpressions.Compare(column, parameter, ExpressionType.GreaterThan);
        return isNull is null ? greater : Expression.OrElse(isNull, greater);
    }

    private static MethodCallExpression Order(Expression source, LambdaExpression key, bool descending, bool first)
    {
        var method = (first, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        return Expression.Call(typeof(Queryable), method, [key.Parameters[0].Type, key.ReturnType], source, Expression.Quote(key));
    }
}
