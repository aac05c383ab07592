using GraphQL.Types;
using GraphQLParser.AST;

namespace CertifyTrack.Shared.GraphQL.Scalars;

/// <summary>
/// A scalar written as a string in one format (<see cref="DateGraphType"/>, <see cref="LocalTimeGraphType"/>):
/// literals, variables and answers go through <see cref="TryParse"/> and <see cref="Format"/>; anything else,
/// in a literal or a variable, is a validation error that names the expected format.
/// </summary>
public abstract class FormattedScalarGraphType<T> : ScalarGraphType
    where T : struct
{
    private readonly string expected;

    protected FormattedScalarGraphType(string name, string description, string expected)
    {
        Name = name;
        Description = description;
        this.expected = expected;
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s when TryParse((string)s.Value, out var parsed) => parsed,
        _ => ThrowLiteralConversionError(value, expected),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        T typed => typed,
        string s when TryParse(s, out var parsed) => parsed,
        _ => throw new FormatException($"'{value}' is not a {Name}. {expected}"),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        T typed => Format(typed),
        string s when TryParse(s, out var parsed) => Format(parsed),
        _ => ThrowSerializationError(value),
    };

    protected abstract bool TryParse(string text, out T value);

    protected abstract string Format(T value);
}
