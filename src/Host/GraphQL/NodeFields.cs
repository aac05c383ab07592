using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.GraphQL;

/// <summary>The Relay root fields <c>node(id:)</c> and <c>nodes(ids:)</c>, resolved through the modules' registrations.</summary>
internal sealed class NodeFields(IEnumerable<NodeRegistration> registrations) : IGraphQLModule
{
    private readonly Dictionary<string, NodeRegistration> byType = registrations.ToDictionary(r => r.TypeName, StringComparer.Ordinal);

    /// <summary>Most ids one <c>nodes</c> call takes.</summary>
    public const int MaxIds = 100;

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
            var found = await registration.LoadMany(context, keys);
            foreach (var (id, index) in group)
            {
                results[index] = found.GetValueOrDefault(id.Key);
            }
        }

        return results;
    }
}
