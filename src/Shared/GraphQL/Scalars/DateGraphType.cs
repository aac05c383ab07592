using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CertifyTrack.Shared.GraphQL.Scalars;

/// <summary>
/// <c>Date</c>: a calendar date, <c>yyyy-MM-dd</c>, in the institution's local time (the contract's header);
/// <see cref="DateOnly"/> in C#, mapped for every record and filter. Anything else, in a literal or a
/// variable, is a validation error that names the format.
/// </summary>
public sealed class DateGraphType : ScalarGraphType
{
    public const string Format = "yyyy-MM-dd";

    private const string Expected = "Expected a date as yyyy-MM-dd, e.g. 2026-06-01.";

    public DateGraphType()
    {
        Name = "Date";
        Description = "A calendar date, yyyy-MM-dd, in the institution's local time.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s when TryParse((string)s.Value, out var date) => date,
        _ => ThrowLiteralConversionError(value, Expected),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateOnly date => date,
        string s when TryParse(s, out var date) => date,
        _ => throw new FormatException($"'{value}' is not a Date. {Expected}"),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString(Format, CultureInfo.InvariantCulture),
        string s when TryParse(s, out var date) => date.ToString(Format, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
