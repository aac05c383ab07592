using CertifyTrack.Shared.GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>Operators on text: matching ignores case (see <see cref="FilterOperators"/>).</summary>
public sealed class StringFilterType : InputObjectGraphType
{
    public StringFilterType()
    {
        Name = "StringFilter";
        Description = "Conditions on a text value. Matching ignores letter case; null in eq/neq tests for a missing value.";
        Field<StringGraphType>("eq").Description("Equal, ignoring case.");
        Field<StringGraphType>("neq").Description("Not equal, ignoring case.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("in").Description($"Equal to one of these (at most {FilterOperators.MaxListLength}), ignoring case.")
            .MaxItems(FilterOperators.MaxListLength);
        Field<StringGraphType>("contains").Description("Contains this text, ignoring case.");
        Field<StringGraphType>("startsWith").Description("Starts with this text, ignoring case.");
    }
}

/// <summary>Operators on a value compared only for equality (booleans).</summary>
public sealed class BooleanFilterType : InputObjectGraphType
{
    public BooleanFilterType()
    {
        Name = "BooleanFilter";
        Field<BooleanGraphType>("eq");
        Field<BooleanGraphType>("neq");
    }
}

/// <summary>Operators on a value compared for equality or membership (enums, ids).</summary>
public sealed class EqualityFilterType<TScalar> : InputObjectGraphType
    where TScalar : IGraphType, new()
{
    public EqualityFilterType()
    {
        Name = new TScalar().Name + "Filter";
        Description = "Conditions on a value; null in eq/neq tests for a missing value.";
        Field<TScalar>("eq");
        Field<TScalar>("neq");
        Field<ListGraphType<NonNullGraphType<TScalar>>>("in").Description($"One of these (at most {FilterOperators.MaxListLength}).").MaxItems(FilterOperators.MaxListLength);
    }
}

/// <summary>Operators on an ordered value (numbers, dates and times).</summary>
public sealed class ComparableFilterType<TScalar> : InputObjectGraphType
    where TScalar : IGraphType, new()
{
    public ComparableFilterType()
    {
        Name = new TScalar().Name + "Filter";
        Description = "Conditions on an ordered value; null in eq/neq tests for a missing value.";
        Field<TScalar>("eq");
        Field<TScalar>("neq");
        Field<ListGraphType<NonNullGraphType<TScalar>>>("in").Description($"One of these (at most {FilterOperators.MaxListLength}).").MaxItems(FilterOperators.MaxListLength);
        Field<TScalar>("gt").Description("Greater than.");
        Field<TScalar>("gte").Description("Greater than or equal.");
        Field<TScalar>("lt").Description("Less than.");
        Field<TScalar>("lte").Description("Less than or equal.");
    }
}

/// <summary>Picks the operator input type for a filtered property's CLR type.</summary>
internal static class FilterOperatorTypes
{
    public static Type For(Type clrType, Type? scalarGraphType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type == typeof(string))
        {
            return typeof(StringFilterType);
        }

        if (type == typeof(bool))
        {
            return typeof(BooleanFilterType);
        }

        if (type.IsEnum || type == typeof(Guid))
        {
            var scalar = scalarGraphType ?? (type.IsEnum ? typeof(EnumerationGraphType<>).MakeGenericType(type) : typeof(GuidGraphType));
            return typeof(EqualityFilterType<>).MakeGenericType(scalar);
        }

        var ordered = scalarGraphType ?? Type.GetTypeCode(type) switch
        {
            TypeCode.Int16 => typeof(ShortGraphType),
            TypeCode.Int32 => typeof(IntGraphType),
            TypeCode.Int64 => typeof(LongGraphType),
            TypeCode.Double or TypeCode.Single => typeof(FloatGraphType),
            TypeCode.Decimal => typeof(DecimalGraphType),
            TypeCode.DateTime => typeof(DateTimeGraphType),
            _ when type == typeof(DateTimeOffset) => typeof(DateTimeOffsetGraphType),
            _ when type == typeof(DateOnly) => typeof(Scalars.DateGraphType),
            _ when type == typeof(TimeOnly) => typeof(Scalars.LocalTimeGraphType),
            _ => throw new NotSupportedException($"Filtering on {type.Name} values is not supported; pass the scalar graph type."),
        };
        return typeof(ComparableFilterType<>).MakeGenericType(ordered);
    }
}
