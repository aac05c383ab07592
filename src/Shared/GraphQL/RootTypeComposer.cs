using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL;

/// <summary>Builds the root operation types from the fields every module contributes.</summary>
public static class RootTypeComposer
{
    public static (ObjectGraphType Query, ObjectGraphType? Mutation, ObjectGraphType? Subscription) Compose(
        IEnumerable<IGraphQLModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var list = modules.ToList();
        var query = Build("Query", list, static (m, t) => m.AddQueryFields(t));
        var mutation = Build("Mutation", list, static (m, t) => m.AddMutationFields(t));
        var subscription = Build("Subscription", list, static (m, t) => m.AddSubscriptionFields(t));
        if (query.Fields.Count == 0)
        {
            throw new InvalidOperationException("No module adds a field to Query; a GraphQL schema needs at least one.");
        }

        return (query, mutation.Fields.Count == 0 ? null : mutation, subscription.Fields.Count == 0 ? null : subscription);
    }

    private static ObjectGraphType Build(string name, List<IGraphQLModule> modules, Action<IGraphQLModule, ObjectGraphType> contribute)
    {
        var root = new ObjectGraphType { Name = name };
        // Expression-declared fields are camel-cased only when the schema is built, so "Name" and "name" collide.
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in modules)
        {
            var scratch = new ObjectGraphType { Name = name };
            contribute(module, scratch);
            foreach (var field in scratch.Fields)
            {
                if (owners.TryGetValue(field.Name, out var owner))
                {
                    throw new InvalidOperationException(
                        $"The root field {name}.{field.Name} is declared by two modules: '{owner}' and '{module.Name}'. Rename one of them.");
                }

                owners[field.Name] = module.Name;
                root.AddField(field);
            }
        }

        return root;
    }
}
