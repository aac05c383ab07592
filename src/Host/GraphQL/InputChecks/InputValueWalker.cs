using System.Collections;
using CertifyTrack.Shared.GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CertifyTrack.Host.GraphQL.InputChecks;

/// <summary>
/// Walks one argument's value with its schema type: GraphQL literals, and for variables the raw
/// JSON-read value (objects as dictionaries, arrays as lists), or the variable's default literal
/// when none was sent. Reports the first problem of each argument and stops walking it.
/// </summary>
internal sealed class InputValueWalker(ValidationContext context)
{
    private readonly HashSet<(string Variable, IProvideMetadata Owner, IGraphType Type)> walkedVariables = [];
    private readonly HashSet<string> textOnlyVariables = [];
    private GraphQLArgument node = null!;
    private string where = "";
    private bool reported;

    public void Walk(GraphQLArgument argument, QueryArgument definition, IGraphType type, string owner)
    {
        (node, where, reported) = (argument, owner, false);
        Value(argument.Value, type, definition, argument.Name.StringValue);
    }

    private void Value(object? value, IGraphType? type, IProvideMetadata owner, string path)
    {
        if (reported || value is null or GraphQLNullValue)
        {
            return;
        }

        if (value is GraphQLVariable variable)
        {
            Variable(variable.Name.StringValue, type, owner, path);
            return;
        }

        var named = type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
        switch (named, value)
        {
            case (ListGraphType list, _):
                Items(value, list.ResolvedType, owner, path);
                break;
            case (IInputObjectGraphType input, GraphQLObjectValue literal):
                foreach (var field in literal.Fields ?? [])
                {
                    Field(input, field.Name.StringValue, field.Value, path);
                }

                break;
            case (IInputObjectGraphType input, IDictionary<string, object?> raw):
                foreach (var (name, fieldValue) in raw)
                {
                    Field(input, name, fieldValue, path);
                }

                break;
            default:
                Text(value, path); // scalars, enums, and whatever shape a custom scalar (JSON) takes
                break;
        }
    }

    private void Items(object value, IGraphType? itemType, IProvideMetadata owner, string path)
    {
        var items = value switch
        {
            GraphQLListValue literal => (IList)(literal.Values ?? []),
            IList raw => raw,
            _ => null,
        };
        if (items is null)
        {
            Value(value, itemType, owner, path); // a single value stands for a list of one
            return;
        }

        if (owner.GetMaxItems() is { } max && items.Count > max)
        {
            Report("TOO_MANY_ITEMS", $"'{path}' of '{where}' takes at most {max} items; {items.Count} were given.");
            return;
        }

        for (var i = 0; i < items.Count && !reported; i++)
        {
            Value(items[i], itemType, owner, $"{path}.{i}");
        }
    }

    private void Field(IInputObjectGraphType input, string name, object? value, string path)
    {
        if (input.GetField(name) is { } field)
        {
            Value(value, field.ResolvedType, field, $"{path}.{name}");
        }
        else
        {
            Text(value, $"{path}.{name}"); // unknown: the spec's rules refuse it, but never let text through unchecked
        }
    }

    private void Variable(string name, IGraphType? type, IProvideMetadata owner, string path)
    {
        if (type is null || !walkedVariables.Add((name, owner, type)))
        {
            return;
        }

        if (context.Variables.TryGetValue(name, out var sent))
        {
            Value(sent, type, owner, path);
        }
        else if (context.Operation.Variables?.FirstOrDefault(v => v.Variable.Name.StringValue == name)?.DefaultValue is { } fallback)
        {
            Value(fallback, type, owner, path);
        }
    }

    /// <summary>Every text in a value of any shape: strings, and the strings inside lists and objects.</summary>
    private void Text(object? value, string path)
    {
        switch (value)
        {
            case GraphQLStringValue literal:
                Check(literal.Value.Span, path);
                break;
            case string raw:
                Check(raw, path);
                break;
            case GraphQLVariable variable when textOnlyVariables.Add(variable.Name.StringValue):
                Text(context.Variables.TryGetValue(variable.Name.StringValue, out var sent) ? sent : null, path);
                break;
            case GraphQLListValue list:
                foreach (var item in list.Values ?? [])
                {
                    Text(item, path);
                }

                break;
            case GraphQLObjectValue obj:
                foreach (var field in obj.Fields ?? [])
                {
                    Text(field.Value, path);
                }

                break;
            case IDictionary<string, object?> dictionary:
                foreach (var (key, item) in dictionary)
                {
                    Check(key, path);
                    Text(item, path);
                }

                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Text(item, path);
                }

                break;
        }
    }

    private void Check(ReadOnlySpan<char> text, string path)
    {
        if (!reported && TextHygiene.FindInvalid(text) is var index and >= 0)
        {
            Report("INVALID_TEXT", $"'{path}' of '{where}' contains a control character or an unpaired surrogate ({TextHygiene.Describe(text, index)}) "
                + "at index " + index + "; only tab, line feed and carriage return are allowed among control characters.");
        }
    }

    private void Report(string code, string message)
    {
        reported = true;
        context.ReportError(new ValidationError(context.Document.Source, null, message, node) { Code = code });
    }
}
