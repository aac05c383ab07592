using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using CertifyTrack.Shared.GraphQL.DataLoaders;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.GraphQL.Relay;

/// <summary>Loads one node type's objects by a unique key, batched, through the type's policy.</summary>
public interface INodeLoader<TNode>
    where TNode : class
{
    /// <summary>The object with this key if it exists and the caller may see it; else null.</summary>
    IDataLoaderResult<TNode?> Load(IResolveFieldContext context, long key);
}

/// <summary>
/// One node type: its rows, its id and its <see cref="NodePolicy{TDb, TNode}"/>. The only way the
/// type's objects are loaded — by <c>node</c>/<c>nodes</c> (<see cref="Registration"/>), by a parent's
/// field, the owner's or another module's type extension (<see cref="Load"/>, <see cref="By"/>), and in
/// lists (<see cref="Visible"/>, <see cref="Restrict"/>) — so every path shows the same objects.
/// The type name is the node record's (<see cref="INode.TypeName"/>). Declare it once, as a static field, and register it: <c>services.AddNodeSource(ClubNodes.Clubs)</c>.
/// </summary>
public sealed class NodeSource<TDb, TNode> : INodeLoader<TNode>
    where TDb : DbContext
    where TNode : class, INode
{
    private readonly Func<TDb, IQueryable<TNode>> rows;
    private readonly Expression<Func<TNode, long>> id;
    private readonly Func<TNode, long> idOf;
    private readonly INodeLoader<TNode> byId;

    /// <param name="policy">Who may load the objects.</param>
    /// <param name="rows">All rows of the type (a DbSet, or a projection of one to the node record).</param>
    /// <param name="id">The key of the global id.</param>
    public NodeSource(NodePolicy<TDb, TNode> policy, Func<TDb, IQueryable<TNode>> rows, Expression<Func<TNode, long>> id)
    {
        var typeName = TNode.TypeName;
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(id);
        TypeName = typeName;
        Policy = policy;
        this.rows = rows;
        this.id = id;
        idOf = id.Compile();
        byId = By(id);
        Registration = new NodeRegistration(typeName, policy.Who, LoadManyAsync);
    }

    public string TypeName { get; }

    public NodePolicy<TDb, TNode> Policy { get; }

    /// <summary>What <c>node(id:)</c> uses; register it with <c>services.AddNodeSource(source)</c>.</summary>
    public NodeRegistration Registration { get; }

    /// <summary>The rows the caller may see, for a connection: <c>.Resolve&lt;TDb&gt;((c, db) =&gt; Source.Visible(c, db))</c>.</summary>
    public IQueryable<TNode> Visible(IResolveFieldContext context, TDb db)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Policy.Apply(rows(db), context.User, db);
    }

    /// <summary>Narrows a list's own query of the type's rows to those the caller may see.</summary>
    public IQueryable<TNode> Restrict(IQueryable<TNode> query, IResolveFieldContext context, TDb db)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Policy.Apply(query, context.User, db);
    }

    /// <summary>The object with this id, if the caller may see it (batched with the other loads of the request).</summary>
    public IDataLoaderResult<TNode?> Load(IResolveFieldContext context, long key) => byId.Load(context, key);

    /// <summary>A loader by another unique key (a student profile by its user id), through the same policy.</summary>
    public INodeLoader<TNode> By(Expression<Func<TNode, long>> uniqueKey) => new KeyLoader(this, uniqueKey);

    private Task<List<TNode>> QueryAsync(IServiceProvider services, ClaimsPrincipal? caller, Expression<Func<TNode, long>> key, IReadOnlyList<long> keys, CancellationToken ct) =>
        KeyedQuery.LoadAsync<TDb, long, TNode>(services, db => Policy.Apply(rows(db), caller, db), key, keys, ct);

    private async Task<IReadOnlyDictionary<string, object>> LoadManyAsync(IResolveFieldContext context, IReadOnlyList<string> keys)
    {
        var ids = keys.Select(k => long.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
            .OfType<long>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, object>();
        }

        var found = await QueryAsync(context.RequestServices!, context.User, id, ids, context.CancellationToken);
        return found.ToDictionary(r => idOf(r).ToString(CultureInfo.InvariantCulture), r => (object)r);
    }

    private sealed class KeyLoader(NodeSource<TDb, TNode> source, Expression<Func<TNode, long>> key) : INodeLoader<TNode>
    {
        private readonly Func<TNode, long> keyOf = key.Compile();

        public IDataLoaderResult<TNode?> Load(IResolveFieldContext context, long value)
        {
            ArgumentNullException.ThrowIfNull(context);
            var services = context.RequestServices!;
            var caller = context.User;
            return DataLoaderStore.GetOrAdd(context, this, () => new RequestBatcher<long, TNode?>(
                async (keys, ct) => (await source.QueryAsync(services, caller, key, keys, ct)).ToDictionary(keyOf, TNode? (row) => row),
                missing: null)).Load(value);
        }
    }
}

public static class NodeSourceRegistration
{
    /// <summary>Lets <c>node</c>/<c>nodes</c> find the objects of <paramref name="source"/>'s type.</summary>
    public static IServiceCollection AddNodeSource<TDb, TNode>(this IServiceCollection services, NodeSource<TDb, TNode> source)
        where TDb : DbContext
        where TNode : class, INode
    {
        ArgumentNullException.ThrowIfNull(source);
        return services.AddSingleton(source.Registration);
    }
}
