using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// The Relay root fields <c>node(id:)</c> and <c>nodes(ids:)</c>, resolved through the modules'
/// registrations, each of which loads through its type's policy (<see cref="NodeSource{TDb, TNode}"/>).
/// </summary>
internal sealed class NodeFields(IEnumerable<NodeRegistration> registrations) : IGraphQLModule
{
    private readonly Dictionary<string, NodeRegistration> byType = registrations.ToDictionary(r => r.TypeName, StringComparer.Ordinal);

    /// <summary>Most ids one <c>nodes</c> call takes.</summary>
    public const int MaxIds = 100;

    /// <summary>
    /// The object types of <paramref name="schema"/> that implement <c>Node</c> but have no registration
    /// declaring who may load them: <c>node(id:)</c> could not find them, and nothing says who may.
    /// </summary>
    public static IEnumerable<string> WithoutPolicy(ISchema schema, IEnumerable<NodeRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var declared = registrations.Where(r => !string.IsNullOrWhiteSpace(r.Policy)).Select(r => r.TypeName).ToHashSet(StringComparer.Ordinal);
        return schema.AllTypes.OfType<IObjectGraphType>()
            .Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node") && !declared.Contains(t.Name))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Stops start-up when a Node type has no registration with a policy (<see cref="WithoutPolicy"/>).</summary>
    public static void EnsureEveryNodeHasAPolicy(ISchema schema, IEnumerable<NodeRegistration> registrations)
    {
        var missing = WithoutPolicy(schema, registrations).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"These types implement Node but no NodeSource declares who may load them (services.AddNodeSource): {string.Join(", ", missing)}.");
        }
    }

    public string Name => "Platform";

    public void AddQueryFields(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NodeInterface>("node")
            .Description("Fetches any object by its global id; null when it does not exist or is not visible to you.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                var found = await LoadAsync([context.GetArgument<string>("id")], context);
                return found[0];
            });
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("Fetches objects by their global ids, in the order asked; null where one is missing.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", $"At most {MaxIds}.", a => a.MaxItems(MaxIds))
            .AllowAnonymous()
            .ResolveAsync(async context => await LoadAsync(context.GetArgument<List<string>>("ids"), context));
    }

    private async Task<object?[]> LoadAsync(List<string> ids, IResolveFieldContext context)
    {
        var parsed = ids.Select(id => GlobalId.TryParse(id, out var g)
            ? g.Value
            : throw new ExecutionError($"'{id}' is not a valid id.") { Code = "INVALID_ID" }).ToList();
        var results = new object?[ids.Count];
        foreach (var group in parsed.Select((id, index) => (id, index)).GroupBy(x => x.id.TypeName, StringComparer.Ordinal))
        {
            if (!byType.TryGetValue(group.Key, out var registration))
            {
                continue;
            }

            var keys = group.Select(x => x.id.Key).Distinct(StringComparer.Ordinal).ToList();
            var found = await registration.LoadManyAsync(context, keys);
            foreach (var (id, index) in group)
            {
                results[index] = found.GetValueOrDefault(id.Key);
            }
        }

        return results;
    }
}
