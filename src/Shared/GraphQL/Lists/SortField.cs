using System.Linq.Expressions;
using System.Reflection;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>A value rows can be ordered by and compared with in a keyset cursor.</summary>
internal sealed class SortField
{
    private SortField(string name, LambdaExpression selector, bool nullable)
    {
        Name = name;
        Selector = selector;
        Nullable = nullable;
        var row = Expression.Parameter(typeof(object), "row");
        var read = ListExpressions.Apply(selector, Expression.Convert(row, selector.Parameters[0].Type));
        Read = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), row).Compile();
    }

    public string Name { get; }

    /// <summary><c>x =&gt; x.Property</c>, typed by the property.</summary>
    public LambdaExpression Selector { get; }

    public Type Type => Selector.ReturnType;

    /// <summary>Whether the value may be null; nulls sort last ascending and first descending on every provider.</summary>
    public bool Nullable { get; }

    /// <summary>Reads the value from a loaded row, for its cursor.</summary>
    public Func<object, object?> Read { get; }

    public static SortField Create(string name, LambdaExpression selector)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        selector = ListExpressions.Unbox(selector);
        try
        {
            var sample = Expression.Default(selector.ReturnType);
            _ = ListExpressions.Compare(sample, sample, ExpressionType.GreaterThan);
        }
        catch (InvalidOperationException e)
        {
            throw new NotSupportedException($"'{name}' cannot be a sort key: {selector.ReturnType.Name} values have no order.", e);
        }

        return new SortField(name, selector, IsNullable(selector));
    }

    public OrderKey Ascending() => new(this, Descending: false);

    public OrderKey Descending() => new(this, Descending: true);

    private static bool IsNullable(LambdaExpression selector)
    {
        var type = selector.ReturnType;
        if (type.IsValueType)
        {
            return System.Nullable.GetUnderlyingType(type) is not null;
        }

        var context = new NullabilityInfoContext();
        var info = (selector.Body as MemberExpression)?.Member switch
        {
            PropertyInfo property => context.Create(property),
            FieldInfo field => context.Create(field),
            _ => null,
        };
        return info?.ReadState != NullabilityState.NotNull;
    }
}

/// <summary>One term of an ORDER BY: a sort field and its direction.</summary>
internal sealed record OrderKey(SortField Field, bool Descending)
{
    public override string ToString() => Field.Name + (Descending ? ":desc" : ":asc");
}
