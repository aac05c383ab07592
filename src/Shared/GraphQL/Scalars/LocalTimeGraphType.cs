using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CertifyTrack.Shared.GraphQL.Scalars;

/// <summary>
/// <c>LocalTime</c>: a time of day in the institution's local time; <see cref="TimeOnly"/> in C#, mapped
/// for every record and filter. Accepts <c>HH:mm</c> and <c>HH:mm:ss</c>, answers <c>HH:mm</c> (the
/// contract: minutes are the finest unit a timetable needs; seconds sent are kept, not shown).
/// </summary>
public sealed class LocalTimeGraphType : ScalarGraphType
{
    public const string Format = "HH:mm";

    private const string Expected = "Expected a time of day as HH:mm (or HH:mm:ss), 24-hour, e.g. 09:30.";

    private static readonly string[] InputFormats = ["HH:mm", "HH:mm:ss"];

    public LocalTimeGraphType()
    {
        Name = "LocalTime";
        Description = "A time of day, HH:mm (24-hour), in the institution's local time; HH:mm:ss is accepted as input.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s when TryParse((string)s.Value, out var time) => time,
        _ => ThrowLiteralConversionError(value, Expected),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        TimeOnly time => time,
        string s when TryParse(s, out var time) => time,
        _ => throw new FormatException($"'{value}' is not a LocalTime. {Expected}"),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        TimeOnly time => time.ToString(Format, CultureInfo.InvariantCulture),
        string s when TryParse(s, out var time) => time.ToString(Format, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static bool TryParse(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
