namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>Relay <c>PageInfo</c>.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>One row of a page with the cursor that points at it.</summary>
public sealed record Edge<TNode>(string Cursor, TNode Node) : IEdge
{
    object IEdge.Node => Node!;
}

/// <summary>One page of a Relay connection.</summary>
public sealed record Connection<TNode>(IReadOnlyList<Edge<TNode>> Edges, PageInfo PageInfo, int? TotalCount) : IConnection
{
    IReadOnlyList<IEdge> IConnection.Edges => Edges;
}

/// <summary>What the connection graph types read, whatever the node type.</summary>
public interface IConnection
{
    IReadOnlyList<IEdge> Edges { get; }

    PageInfo PageInfo { get; }

    /// <summary>Null when <c>totalCount</c> was not selected, so not counted.</summary>
    int? TotalCount { get; }
}

/// <inheritdoc cref="Edge{TNode}"/>
public interface IEdge
{
    string Cursor { get; }

    object Node { get; }
}
