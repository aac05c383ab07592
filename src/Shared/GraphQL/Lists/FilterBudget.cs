using System.Collections;
using System.Linq.Expressions;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>What keeps a <c>where</c> tree cheap to translate: its size counted up front, its predicate combined balanced.</summary>
internal static class FilterBudget
{
    /// <summary>
    /// The conditions of a parsed filter: one per operator, one per <c>in</c> value. Stops
    /// descending below the nesting limit (the builder refuses such trees itself).
    /// </summary>
    public static int Count(object? input, int depth)
    {
        if (input is not IDictionary<string, object?> filter || depth > FilterInputType<object>.MaxDepth)
        {
            return 0;
        }

        var count = 0;
        foreach (var (name, value) in filter)
        {
            count += (name, value) switch
            {
                (_, null) => 0,
                ("and" or "or", IEnumerable items) => items.Cast<object?>().Sum(item => Count(item, depth + 1)),
                (_, IDictionary<string, object?> operators) => operators.Sum(o => o.Value is not string && o.Value is IEnumerable values ? values.Cast<object?>().Count() : 1),
                _ => 0,
            };
        }

        return count;
    }

    /// <summary>
    /// <paramref name="parts"/> joined pairwise as a balanced tree: n conditions nest log2(n) deep.
    /// A left-deep chain (<c>Aggregate</c>) nests n deep, and EF Core's recursive visitors and
    /// hashing overflow the stack on a few thousand of them, which no handler can catch.
    /// </summary>
    public static Expression Balanced(IReadOnlyList<Expression> parts, Func<Expression, Expression, Expression> join)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        return Join(parts, 0, parts.Count, join);
    }

    private static Expression Join(IReadOnlyList<Expression> parts, int start, int count, Func<Expression, Expression, Expression> join)
    {
        if (count == 1)
        {
            return parts[start];
        }

        var half = count / 2;
        return join(Join(parts, start, half, join), Join(parts, start + half, count - half, join));
    }
}
