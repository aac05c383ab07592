using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.Limits;

/// <summary>
/// Cheap structural limits of the operation that runs, once the document is valid (through its
/// fragments, honouring <c>@skip</c>/<c>@include</c>): its depth, and the number of fields it
/// expands to. What the document itself may hold (bytes, selections, aliases, …) was bounded
/// before validation (<see cref="DocumentBudget"/>). A fragment is measured once and reused, so a document of fragments spread
/// many times ("fragment bomb") is measured in linear time and refused as too complex before
/// the weighted analysis (<see cref="ComplexityLimitRule"/>) walks it spread by spread.
/// </summary>
internal sealed class DocumentLimitsRule(IOptions<GraphQLLimitsOptions> options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = options.Value;
        var (depth, fields) = Measure(context, context.Operation.SelectionSet, []);
        if (depth > limits.MaxDepth)
        {
            context.ReportError(Error(context, "MAX_DEPTH_EXCEEDED", $"The operation is nested {depth} levels deep; at most {limits.MaxDepth} are allowed."));
        }

        if (fields > limits.MaxComplexity)
        {
            context.ReportError(Error(context, "MAX_COMPLEXITY_EXCEEDED", $"The operation selects more than {limits.MaxComplexity} fields."));
        }

        return default;
    }

    private static (int Depth, double Fields) Measure(ValidationContext context, GraphQLSelectionSet set, Dictionary<GraphQLFragmentDefinition, (int, double)> fragments)
    {
        var depth = 0;
        var fields = 0d;
        foreach (var selection in set.Selections)
        {
            if (!context.ShouldIncludeNode(selection))
            {
                continue;
            }

            var (d, f) = selection switch
            {
                GraphQLField { SelectionSet: null } or GraphQLField { Name.StringValue: "__schema" or "__type" } => (0, 1d),
                GraphQLField field => Nested(Measure(context, field.SelectionSet!, fragments)),
                GraphQLInlineFragment inline => Measure(context, inline.SelectionSet, fragments),
                GraphQLFragmentSpread spread => Fragment(context, spread, fragments),
                _ => (0, 0d),
            };
            depth = Math.Max(depth, d);
            fields += f;
        }

        return (depth, fields);
    }

    private static (int, double) Nested((int Depth, double Fields) inner) => (inner.Depth + 1, inner.Fields + 1);

    private static (int, double) Fragment(ValidationContext context, GraphQLFragmentSpread spread, Dictionary<GraphQLFragmentDefinition, (int, double)> fragments)
    {
        var definition = context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value);
        if (definition is null)
        {
            return (0, 0);
        }

        if (!fragments.TryGetValue(definition, out var measured))
        {
            measured = Measure(context, definition.SelectionSet, fragments);
            fragments[definition] = measured;
        }

        return measured;
    }

    private static ValidationError Error(ValidationContext context, string code, string message) =>
        new(context.Document.Source, null, message) { Code = code };
}
