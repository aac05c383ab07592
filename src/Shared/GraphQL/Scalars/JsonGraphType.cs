using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CertifyTrack.Shared.GraphQL.Scalars;

/// <summary>
/// <c>JSON</c>: any JSON value, written as itself (an object stays an object). Output only in
/// practice: resolvers return a <see cref="JsonElement"/>, a JSON text (<see cref="Json"/>), or
/// any value System.Text.Json can serialise.
/// </summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value.";
    }

    /// <summary>Wraps JSON text so it is written as JSON, not as a string.</summary>
    public static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), JsonSerializerOptions.Web),
    };

    public override object? ParseValue(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => (string)s.Value,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLIntValue i => long.Parse(i.Value.Span, provider: System.Globalization.CultureInfo.InvariantCulture),
        GraphQLFloatValue f => double.Parse(f.Value.Span, provider: System.Globalization.CultureInfo.InvariantCulture),
        _ => ThrowLiteralConversionError(value),
    };
}
