using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.Authorization;

/// <summary>
/// Refuses, before execution, every selected field the caller may not see (<see cref="FieldAccess"/>).
/// Walks the operation that runs, through fragments and inline fragments, honouring
/// <c>@skip</c>/<c>@include</c> with the request's variables. <c>__typename</c> is always
/// allowed; <c>__schema</c>/<c>__type</c> only while <c>GraphQL:EnableIntrospection</c> is on.
/// Runs after the standard rules, so the document is known to be valid (no fragment cycles).
/// When a field policy was evaluated it says so in the <see cref="PolicyUse"/> of the user context,
/// so that the verdict is not remembered for other callers with the same roles.
/// </summary>
internal sealed class AuthorizationValidationRule(IOptions<GraphQLOptions> options) : ValidationRuleBase
{
    public override async ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = new FieldAccess(context.User, context.RequestServices);
        var walk = new Walk(context, access, options.Value.EnableIntrospection);
        var root = context.Operation.Operation switch
        {
            OperationType.Mutation => context.Schema.Mutation,
            OperationType.Subscription => context.Schema.Subscription,
            _ => context.Schema.Query,
        };
        if (root is not null)
        {
            await walk.SelectionsAsync(context.Operation.SelectionSet, root, string.Empty);
        }

        if (access.ConsultedPolicy && context.UserContext.TryGetValue(PolicyUse.Key, out var use) && use is PolicyUse policyUse)
        {
            policyUse.Consulted = true;
        }

        return null;
    }

    private sealed class Walk(ValidationContext context, FieldAccess access, bool introspection)
    {
        private readonly HashSet<GraphQLFragmentDefinition> visited = [];

        public async ValueTask SelectionsAsync(GraphQLSelectionSet set, IGraphType parent, string path)
        {
            foreach (var selection in set.Selections)
            {
                if (!context.ShouldIncludeNode(selection))
                {
                    continue;
                }

                switch (selection)
                {
                    case GraphQLField field:
                        await FieldAsync(field, parent, path);
                        break;
                    case GraphQLInlineFragment inline:
                        await SelectionsAsync(inline.SelectionSet, TypeOf(inline.TypeCondition) ?? parent, path);
                        break;
                    case GraphQLFragmentSpread spread:
                        // A fragment's fields do not depend on where it is spread: check each once.
                        var fragment = context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value);
                        if (fragment is not null && visited.Add(fragment) && TypeOf(fragment.TypeCondition) is { } type)
                        {
                            await SelectionsAsync(fragment.SelectionSet, type, path);
                        }

                        break;
                }
            }
        }

        private async ValueTask FieldAsync(GraphQLField node, IGraphType parent, string path)
        {
            var name = node.Name.StringValue;
            var fieldPath = path + (node.Alias?.Name.StringValue ?? name);
            if (name == "__typename")
            {
                return;
            }

            if (name is "__schema" or "__type")
            {
                if (!introspection)
                {
                    Report(node, "INTROSPECTION_DISABLED", $"Introspection is disabled on this server ('{fieldPath}').");
                }

                return;
            }

            if (parent is not IComplexGraphType complex || complex.GetField(name) is not { } field)
            {
                return;
            }

            switch (await access.DecideAsync(field, parent))
            {
                case AccessDecision.Unauthenticated:
                    Report(node, "UNAUTHENTICATED", $"You must sign in to access '{fieldPath}'.");
                    return;
                case AccessDecision.Forbidden:
                    Report(node, "FORBIDDEN", $"You are not allowed to access '{fieldPath}'.");
                    return;
            }

            if (node.SelectionSet is not null && field.ResolvedType?.GetNamedType() is { } child)
            {
                await SelectionsAsync(node.SelectionSet, child, fieldPath + ".");
            }
        }

        private IGraphType? TypeOf(GraphQLTypeCondition? condition) =>
            condition is null ? null : context.Schema.AllTypes[condition.Type.Name.StringValue];

        private void Report(GraphQLField node, string code, string message) =>
            context.ReportError(new ValidationError(context.Document.Source, null, message, node) { Code = code });
    }
}
