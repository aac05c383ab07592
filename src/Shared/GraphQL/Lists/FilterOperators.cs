using CertifyTrack.Shared.GraphQL.Errors;
using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>
/// Translates one field's operators (<c>{ contains: "x", neq: "y" }</c>) into a predicate EF Core
/// turns into SQL. Text is compared case-insensitively the same way on every provider:
/// <c>lower(column)</c> against the lower-cased input, with <c>LIKE … ESCAPE '\'</c> for
/// <c>contains</c>/<c>startsWith</c> and the input's <c>%</c>, <c>_</c> and <c>\</c> escaped.
/// </summary>
internal static class FilterOperators
{
    public const int MaxListLength = 100;
    private const string Escape = "\\";

    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
    private static readonly MethodInfo Contains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);
    private static readonly Expression DbFunctions = Expression.Property(null, typeof(EF), nameof(EF.Functions));

    public static IEnumerable<Expression> Apply(Expression column, IDictionary<string, object?> operators)
    {
        var text = column.Type == typeof(string);
        var subject = text ? Expression.Call(column, ToLower) : column;
        foreach (var (name, value) in operators)
        {
            if (value is null && name is not ("eq" or "neq"))
            {
                continue;
            }

            yield return name switch
            {
                "eq" => Equal(column, subject, value),
                "neq" => Expression.Not(Equal(column, subject, value)),
                "in" => In(subject, (IEnumerable)value!),
                "contains" => LikeExpression(subject, "%" + EscapeLike((string)value!) + "%"),
                "startsWith" => LikeExpression(subject, EscapeLike((string)value!) + "%"),
                "gt" => ListExpressions.Compare(column, Value(value, column.Type), ExpressionType.GreaterThan),
                "gte" => ListExpressions.Compare(column, Value(value, column.Type), ExpressionType.GreaterThanOrEqual),
                "lt" => ListExpressions.Compare(column, Value(value, column.Type), ExpressionType.LessThan),
                "lte" => ListExpressions.Compare(column, Value(value, column.Type), ExpressionType.LessThanOrEqual),
                _ => throw new InvalidOperationException($"Unknown filter operator '{name}'."),
            };
        }
    }

    /// <summary>Escapes the LIKE wildcards of user input, so they match themselves.</summary>
    public static string EscapeLike(string value) =>
        value.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal)
            .ToLowerInvariant();

    private static Expression Equal(Expression column, Expression subject, object? value)
    {
        if (value is null)
        {
            return column.Type.IsValueType && Nullable.GetUnderlyingType(column.Type) is null
                ? Expression.Constant(false)
                : Expression.Equal(column, Expression.Constant(null, column.Type));
        }

        return Expression.Equal(subject, Value(value, column.Type));
    }

    private static MethodCallExpression In(Expression subject, IEnumerable values)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(subject.Type))!;
        foreach (var item in values)
        {
            list.Add(item is string s ? s.ToLowerInvariant() : ListExpressions.ConvertTo(item, subject.Type));
        }

        if (list.Count > MaxListLength)
        {
            throw new ExecutionError($"'in' takes at most {MaxListLength} values.") { Code = PlatformErrorCodes.InvalidFilter };
        }

        return Expression.Call(Contains.MakeGenericMethod(subject.Type), ListExpressions.Parameter(list, list.GetType()), subject);
    }

    private static MethodCallExpression LikeExpression(Expression subject, string pattern) =>
        Expression.Call(Like, DbFunctions, subject, ListExpressions.Parameter(pattern, typeof(string)), Expression.Constant(Escape));

    private static Expression Value(object? value, Type type) =>
        ListExpressions.Parameter(value is string s ? s.ToLowerInvariant() : ListExpressions.ConvertTo(value, type), type);
}
