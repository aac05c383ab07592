using CertifyTrack.Shared.GraphQL.Errors;
using System.Collections;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using CertifyTrack.Shared.GraphQL;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>
/// The <c>where: XFilter</c> input of a connection over <typeparamref name="T"/>: one operator
/// input per allow-listed property, plus <c>and</c>/<c>or</c> lists of the filter itself.
/// Conditions given side by side all hold; <c>and: []</c> holds, <c>or: []</c> never does.
/// <code>
/// internal sealed class ClubFilter : FilterInputType&lt;Club&gt;
/// {
///     public ClubFilter() { Field("name", c =&gt; c.Name); Field("isActive", c =&gt; c.IsActive); }
/// }
/// </code>
/// The GraphQL name is the class name (<c>ClubFilter</c>). The operators follow the property's
/// type: text <c>eq neq in contains startsWith</c>; numbers, dates and times
/// <c>eq neq in gt gte lt lte</c>; enums <c>eq neq in</c>; booleans <c>eq neq</c>.
/// <para>
/// Budgets: <c>and</c>/<c>or</c> take at most <see cref="MaxListItems"/> filters each (checked with
/// every list before execution), nest at most <see cref="MaxDepth"/> levels, and one tree holds at
/// most <see cref="MaxConditions"/> conditions, each <c>in</c> value counting as one (checked before
/// any SQL: <c>INVALID_FILTER</c>). The predicate is combined as a balanced tree, so EF Core's
/// recursive visitors see a depth of log n, not n, even for the largest tree allowed.
/// </para>
/// </summary>
public abstract class FilterInputType<T> : InputObjectGraphType
{
    /// <summary>How deep <c>and</c>/<c>or</c> may nest.</summary>
    public const int MaxDepth = 5;

    /// <summary>Most filters in one <c>and</c> or <c>or</c> list.</summary>
    public const int MaxListItems = 100;

    /// <summary>Most conditions (operators, each <c>in</c> value counting as one) in one <c>where</c> tree.</summary>
    public const int MaxConditions = 500;

    private readonly Dictionary<string, LambdaExpression> fields = new(StringComparer.Ordinal);

    protected FilterInputType()
    {
        var self = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(GetType()));
        Field("and", self).Description($"Every one of these filters holds (at most {MaxListItems}).").MaxItems(MaxListItems);
        Field("or", self).Description($"At least one of these filters holds (at most {MaxListItems}).").MaxItems(MaxListItems);
    }

    /// <summary>
    /// Allows filtering on <paramref name="selector"/> under the input field <paramref name="name"/>.
    /// <paramref name="scalarGraphType"/> names the operand's graph type where the default does not
    /// fit (an enum with its own graph type class).
    /// </summary>
    protected FieldBuilder<object, object> Field<TValue>(string name, Expression<Func<T, TValue>> selector, Type? scalarGraphType = null)
    {
        fields.Add(name, selector);
        return Field(name, FilterOperatorTypes.For(typeof(TValue), scalarGraphType));
    }

    /// <summary>The predicate of a parsed <c>where</c> argument; null when it sets no condition.</summary>
    internal Expression<Func<T, bool>>? ToPredicate(object? input)
    {
        var conditions = FilterBudget.Count(input, 0);
        if (conditions > MaxConditions)
        {
            throw new ExecutionError($"A filter holds at most {MaxConditions} conditions (each 'in' value counts as one); this one holds {conditions}.")
            {
                Code = PlatformErrorCodes.InvalidFilter,
            };
        }

        var parameter = Expression.Parameter(typeof(T), "x");
        var body = Build(input, parameter, 0);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private Expression? Build(object? input, ParameterExpression parameter, int depth)
    {
        if (input is not IDictionary<string, object?> filter)
        {
            return null;
        }

        if (depth > MaxDepth)
        {
            throw new ExecutionError($"Filters nest at most {MaxDepth} levels of 'and'/'or'.") { Code = PlatformErrorCodes.InvalidFilter };
        }

        var conditions = new List<Expression>();
        foreach (var (name, value) in filter)
        {
            switch (name, value)
            {
                case (_, null):
                    continue;
                case ("and", IEnumerable items):
                    conditions.Add(Combine(items, parameter, depth, Expression.AndAlso, true));
                    break;
                case ("or", IEnumerable items):
                    conditions.Add(Combine(items, parameter, depth, Expression.OrElse, false));
                    break;
                default:
                    var column = ListExpressions.Apply(fields[name], parameter);
                    conditions.AddRange(FilterOperators.Apply(column, (IDictionary<string, object?>)value));
                    break;
            }
        }

        return conditions.Count == 0 ? null : FilterBudget.Balanced(conditions, Expression.AndAlso);
    }

    private Expression Combine(IEnumerable items, ParameterExpression parameter, int depth, Func<Expression, Expression, Expression> join, bool empty)
    {
        var parts = items.Cast<object?>().Select(i => Build(i, parameter, depth + 1) ?? Expression.Constant(true)).ToList();
        return parts.Count == 0 ? Expression.Constant(empty) : FilterBudget.Balanced(parts, join);
    }
}
