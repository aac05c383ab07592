using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Lists;

// The fields of these plumbing types allow anonymous access: whether a caller may list the
// nodes at all is decided on the connection field (Query.clubs) and on the node type's fields.

/// <summary><c>XConnection { edges nodes pageInfo totalCount }</c>, named after the node type (ClubType → ClubConnection).</summary>
public sealed class ConnectionGraphType<TNodeType> : ObjectGraphType<IConnection>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = node + "Connection";
        Description = $"A page of {node} objects.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType>>>>>("edges")
            .Description("The rows of this page, each with its cursor.")
            .Resolve(c => c.Source.Edges).AllowAnonymous();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The rows of this page, when their cursors are not needed.")
            .Resolve(c => c.Source.Edges.Select(e => e.Node)).AllowAnonymous();
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo).AllowAnonymous();
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many rows match the filter, on all pages together.")
            .Resolve(c => c.Source.TotalCount).AllowAnonymous();
    }
}

/// <summary><c>XEdge { cursor node }</c>.</summary>
public sealed class EdgeGraphType<TNodeType> : ObjectGraphType<IEdge>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        Name = typeof(TNodeType).GraphQLName() + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Opaque; pass it as after/before to page from this row.")
            .Resolve(c => c.Source.Cursor).AllowAnonymous();
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node).AllowAnonymous();
    }
}

/// <summary>Relay <c>PageInfo</c>.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in its list. After 'after' (before 'before') the previous (next) page is assumed to exist.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage).AllowAnonymous();
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage).AllowAnonymous();
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.StartCursor).AllowAnonymous();
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor).AllowAnonymous();
    }
}
