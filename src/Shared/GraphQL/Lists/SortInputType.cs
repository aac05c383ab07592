using CertifyTrack.Shared.GraphQL.Errors;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>The direction of one sort term.</summary>
public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>
/// The <c>order: [XSort!]</c> input of a connection over <typeparamref name="T"/>: one field per
/// allow-listed sort key, each taking <c>ASC</c> or <c>DESC</c>. A list item names exactly one
/// field; the row id always ends the order as the tie-breaker.
/// <code>
/// internal sealed class ClubSort : SortInputType&lt;Club&gt;
/// {
///     public ClubSort() { Field("name", c =&gt; c.Name); Field("foundedOn", c =&gt; c.FoundedOn); }
/// }
/// </code>
/// The GraphQL name is the class name (<c>ClubSort</c>).
/// </summary>
public abstract class SortInputType<T> : InputObjectGraphType
{
    private readonly Dictionary<string, SortField> fields = new(StringComparer.Ordinal);
    private readonly List<OrderKey> defaultOrder = [];

    /// <summary>Allows sorting by <paramref name="selector"/> under the input field <paramref name="name"/>.</summary>
    protected FieldBuilder<object, object> Field<TValue>(string name, Expression<Func<T, TValue>> selector)
    {
        fields.Add(name, SortField.Create(name, selector));
        return Field(name, typeof(EnumerationGraphType<SortDirection>));
    }

    /// <summary>The order used when a request gives none (before the id tie-breaker).</summary>
    protected void DefaultOrder(string name, SortDirection direction) =>
        defaultOrder.Add(direction == SortDirection.Desc ? fields[name].Descending() : fields[name].Ascending());

    internal IReadOnlyList<OrderKey> Parse(object? value)
    {
        if (value is not IEnumerable<object?> items)
        {
            return defaultOrder;
        }

        var order = new List<OrderKey>();
        foreach (var item in items)
        {
            var set = (item as IDictionary<string, object?>)?.Where(p => p.Value is not null).ToList() ?? [];
            if (set.Count != 1)
            {
                throw new ExecutionError($"Each item of 'order' names exactly one field of {Name}, e.g. {{ {fields.Keys.First()}: ASC }}.")
                {
                    Code = PlatformErrorCodes.InvalidSort,
                };
            }

            var field = fields[set[0].Key];
            if (order.TrueForAll(k => k.Field != field))
            {
                order.Add((SortDirection)set[0].Value! == SortDirection.Desc ? field.Descending() : field.Ascending());
            }
        }

        return order.Count == 0 ? defaultOrder : order;
    }
}
