using GraphQL.Builders;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL;

/// <summary>
/// The most items a list argument or list input field accepts, declared where the argument or
/// field is declared and enforced by the host before execution, for literals and variables alike
/// (<c>TOO_MANY_ITEMS</c>). Every list argument and list input field of the schema must declare
/// one (a schema test fails otherwise). A nested list (<c>[[ID!]!]</c>) applies it at every level.
/// <code>
/// Field&lt;NonNullGraphType&lt;ListGraphType&lt;NonNullGraphType&lt;IdGraphType&gt;&gt;&gt;&gt;("studentIds").MaxItems(500);
/// .Argument&lt;NonNullGraphType&lt;ListGraphType&lt;NonNullGraphType&lt;IdGraphType&gt;&gt;&gt;&gt;("ids", a =&gt; a.MaxItems(100))
/// </code>
/// </summary>
public static class ListLimits
{
    private const string Key = "certifytrack:maxItems";

    /// <summary>Declares the most items this input field's list accepts.</summary>
    public static FieldBuilder<TSource, TReturn> MaxItems<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int max)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.MaxItems(max);
        return field;
    }

    /// <summary>Declares the most items this input field's list accepts.</summary>
    public static FieldType MaxItems(this FieldType field, int max)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        field.Metadata[Key] = max;
        return field;
    }

    /// <summary>Declares the most items this list argument accepts.</summary>
    public static QueryArgument MaxItems(this QueryArgument argument, int max)
    {
        ArgumentNullException.ThrowIfNull(argument);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        argument.Metadata[Key] = max;
        return argument;
    }

    /// <summary>The declared maximum of an argument or input field; null when none is declared.</summary>
    public static int? GetMaxItems(this IProvideMetadata argumentOrField)
    {
        ArgumentNullException.ThrowIfNull(argumentOrField);
        return argumentOrField.GetMetadata<int?>(Key);
    }
}
