using GraphQL;

namespace CertifyTrack.Shared.GraphQL.Relay;

/// <summary>
/// How <c>node(id:)</c>/<c>nodes(ids:)</c> find the objects of one type: made only by a
/// <see cref="NodeSource{TDb, TNode}"/> (<c>services.AddNodeSource(source)</c>), so every registration
/// carries the type's <see cref="Policy"/> and loads through it, in SQL. <c>node</c> and <c>Node.id</c>
/// are public: the policy is the gate.
/// </summary>
public sealed class NodeRegistration
{
    private readonly Func<IResolveFieldContext, IReadOnlyList<string>, Task<IReadOnlyDictionary<string, object>>> loadMany;

    internal NodeRegistration(
        string typeName, string policy, Func<IResolveFieldContext, IReadOnlyList<string>, Task<IReadOnlyDictionary<string, object>>> loadMany)
    {
        TypeName = typeName;
        Policy = policy;
        this.loadMany = loadMany;
    }

    /// <summary>The GraphQL name of the node type.</summary>
    public string TypeName { get; }

    /// <summary>Who may load objects of the type, in words (<see cref="NodePolicy{TDb, TNode}.Who"/>).</summary>
    public string Policy { get; }

    /// <summary>The objects with these keys that exist and the caller may see, by key.</summary>
    public Task<IReadOnlyDictionary<string, object>> LoadManyAsync(IResolveFieldContext context, IReadOnlyList<string> keys) =>
        loadMany(context, keys);
}
