using CertifyTrack.Shared.GraphQL.Errors;
using System.Globalization;
using System.Reflection;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Relay;

/// <summary>Helpers that make an object type a Relay node and read typed ids from arguments and inputs.</summary>
public static class NodeTypes
{
    /// <summary>
    /// Declares <c>id: ID!</c> as the global id of <paramref name="key"/>, implements <c>Node</c>
    /// and lets <c>node(id:)</c> resolve the type of loaded objects.
    /// </summary>
    public static FieldBuilder<TSource, string> NodeId<TSource>(this ObjectGraphType<TSource> type, Func<TSource, long> key)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(key);
        if (typeof(INode).IsAssignableFrom(typeof(TSource))
            && typeof(TSource).GetProperty(nameof(INode.TypeName), BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is string typeName
            && typeName != type.Name)
        {
            // Set the graph type's Name from the record (Name = ClubNode.TypeName) so ids are written as they are read.
            throw new InvalidOperationException($"The node type of {typeof(TSource).Name} is named {type.Name}, but its ids name {typeName}.");
        }

        type.Interface<NodeInterface>();
        type.IsTypeOf = value => value is TSource;
        return type.Field<NonNullGraphType<IdGraphType>, string>("id")
            .Description("The object's global id.")
            .Resolve(context => GlobalId.Encode(type.Name, key(context.Source)));
    }

    /// <summary>
    /// The numeric key of a global id of a <typeparamref name="TNode"/>; garbage or an id of another type
    /// raises a GraphQL error with code <c>INVALID_ID</c> naming <paramref name="field"/> (the input field or argument).
    /// </summary>
    public static long ParseKey<TNode>(string? id, string field)
        where TNode : INode => ParseKey(id, TNode.TypeName, field);

    /// <summary>The keys of a list of global ids of <typeparamref name="TNode"/>s, in order (<see cref="ParseKey{TNode}"/>).</summary>
    public static List<long> ParseKeys<TNode>(IEnumerable<string> ids, string field)
        where TNode : INode => [.. ids.Select(id => ParseKey(id, TNode.TypeName, field))];

    /// <summary>Reads argument <paramref name="name"/> as the id of a <typeparamref name="TNode"/>.</summary>
    public static long GetIdArgument<TNode>(this IResolveFieldContext context, string name)
        where TNode : INode
    {
        ArgumentNullException.ThrowIfNull(context);
        return ParseKey(context.GetArgument<string>(name), TNode.TypeName, name);
    }

    /// <summary>
    /// The numeric key of a global id that must name <paramref name="typeName"/>; garbage or an id
    /// of another type raises a GraphQL error with code <c>INVALID_ID</c>.
    /// </summary>
    public static long ParseKey(string? id, string typeName, string argumentName)
    {
        if (GlobalId.TryParse(id, out var parsed)
            && parsed.Value.TypeName == typeName
            && long.TryParse(parsed.Value.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
        {
            return key;
        }

        throw new ExecutionError($"'{argumentName}' must be the id of a {typeName}; '{id}' is not.") { Code = PlatformErrorCodes.InvalidId };
    }

    /// <summary>Reads argument <paramref name="name"/> as the id of a <paramref name="typeName"/>.</summary>
    public static long GetIdArgument(this IResolveFieldContext context, string name, string typeName)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ParseKey(context.GetArgument<string>(name), typeName, name);
    }
}
