using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>The expression-tree pieces shared by filters, sorts and keyset cursors.</summary>
internal static class ListExpressions
{
    private static readonly MethodInfo StringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// A value EF Core sends as a SQL parameter, never as an inlined literal: a read of a field of
    /// exactly <paramref name="type"/> on a captured object, as the compiler emits for a closure.
    /// EF Core's funcletizer reads such a field by reflection; the former <c>(T)captured.Value</c>
    /// over an object-typed property made it build and run an interpreted lambda on every query.
    /// </summary>
    public static Expression Parameter(object? value, Type type) =>
        Expression.Field(
            Expression.Constant(Activator.CreateInstance(typeof(Captured<>).MakeGenericType(type), [value])),
            nameof(Captured<object>.Value));

    /// <summary>The body of <paramref name="selector"/> applied to <paramref name="parameter"/>.</summary>
    public static Expression Apply(LambdaExpression selector, Expression parameter) =>
        new ReplaceParameter(selector.Parameters[0], parameter).Visit(selector.Body);

    /// <summary>Drops the boxing conversion the compiler adds to <c>x =&gt; (object)x.Id</c>.</summary>
    public static LambdaExpression Unbox(LambdaExpression selector) =>
        selector.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert && selector.ReturnType == typeof(object)
            ? Expression.Lambda(convert.Operand, selector.Parameters)
            : selector;

    /// <summary>
    /// <paramref name="left"/> <paramref name="op"/> <paramref name="right"/> for an ordering
    /// operator, in a form EF Core translates for strings, booleans and enums too.
    /// </summary>
    public static Expression Compare(Expression left, Expression right, ExpressionType op)
    {
        var type = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (type == typeof(string))
        {
            return Expression.MakeBinary(op, Expression.Call(StringCompare, left, right), Expression.Constant(0));
        }

        if (type == typeof(bool))
        {
            // false < true: left > right holds exactly when left is true and right is false.
            var (isTrue, isFalse) = (Expression.Constant(true, left.Type), Expression.Constant(false, left.Type));
            return op switch
            {
                ExpressionType.GreaterThan => Expression.AndAlso(Expression.Equal(left, isTrue), Expression.Equal(right, isFalse)),
                ExpressionType.LessThan => Expression.AndAlso(Expression.Equal(left, isFalse), Expression.Equal(right, isTrue)),
                ExpressionType.GreaterThanOrEqual => Expression.OrElse(Expression.Equal(left, isTrue), Expression.Equal(right, isFalse)),
                _ => Expression.OrElse(Expression.Equal(left, isFalse), Expression.Equal(right, isTrue)),
            };
        }

        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            var target = left.Type == type ? underlying : typeof(Nullable<>).MakeGenericType(underlying);
            return Expression.MakeBinary(op, Expression.Convert(left, target), Expression.Convert(right, target));
        }

        return Expression.MakeBinary(op, left, right);
    }

    /// <summary>Converts a parsed GraphQL value (an <c>int</c> for a <c>short</c> column, …) to a column's CLR type.</summary>
    public static object? ConvertTo(object? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            null => null,
            _ when target.IsInstanceOfType(value) => value,
            _ when target.IsEnum => Enum.ToObject(target, value),
            _ => Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
        };
    }

    private sealed class Captured<T>(T value)
    {
        public readonly T Value = value;
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
