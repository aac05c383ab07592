using CertifyTrack.Shared.GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.RateLimiting;

/// <summary>What one parsed operation costs: its permits, and the root fields it selects that hash a password.</summary>
internal sealed record OperationCost(int Permits, IReadOnlyList<string> PasswordFields);

/// <summary>
/// Prices an operation from its parsed document, before validation (docs/adr/0010): each root field
/// selected, through fragments and inline fragments, counted once per response key (an alias is its
/// own field; the same key twice is merged by GraphQL and runs once), weighed by
/// <see cref="CostWeights"/>. <c>@skip</c>/<c>@include</c> are ignored: a field that might run is
/// paid for. A document that does not parse or names no operation costs one permit; the executor
/// refuses it.
/// </summary>
internal sealed class OperationCosts(ISchema schema, IOptions<GraphQLRateLimitOptions> options)
{
    public OperationCost Of(GraphQLDocument? document, string? operationName)
    {
        var operation = document is null ? null : GraphQLExecutor.OperationOf(document, operationName);
        if (operation is null)
        {
            return new OperationCost(1, []);
        }

        var weights = options.Value.Weights;
        var (root, perField) = operation.Operation switch
        {
            OperationType.Mutation => (schema.Mutation, weights.Mutation),
            OperationType.Subscription => (schema.Subscription, 0),
            _ => (schema.Query, 0),
        };
        var permits = 0;
        var passwordFields = new List<string>();
        foreach (var name in RootFieldNames(document!, operation))
        {
            if (root?.GetField(name) is not { } field)
            {
                continue; // an unknown field fails validation: nothing runs
            }

            var work = field.ExpensiveWork();
            permits += perField + work.Sum(weights.Of);
            if (work.Contains(ExpensiveWork.PasswordHashing))
            {
                passwordFields.Add(name);
            }
        }

        return new OperationCost(Math.Max(1, permits), passwordFields);
    }

    /// <summary>The field name of each distinct response key of the root selection set; each fragment is entered once.</summary>
    private static List<string> RootFieldNames(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        var names = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var entered = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<GraphQLSelectionSet>([operation.SelectionSet]);
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field when keys.Add((field.Alias?.Name ?? field.Name).StringValue):
                        names.Add(field.Name.StringValue);
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when entered.Add(spread.FragmentName.Name.StringValue)
                        && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var definition):
                        pending.Push(definition.SelectionSet);
                        break;
                }
            }
        }

        return names;
    }
}
