using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Relay;

/// <summary>The Relay <c>Node</c> interface every entity type implements.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with an opaque, globally unique id.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The object's global id.").AllowAnonymous();
    }
}
