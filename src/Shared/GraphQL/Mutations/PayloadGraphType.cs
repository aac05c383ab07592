using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// The graph type of a mutation payload (<c>VerbNounPayload</c>, named after the class minus
/// <c>Type</c>): adds <c>userErrors: [UserError!]!</c>; the derived class adds the changed
/// object field(s). Its fields are public: the mutation field's own authorization gates the
/// payload, and the objects it returns are guarded by their own types' metadata.
/// </summary>
public abstract class PayloadGraphType<TPayload> : ObjectGraphType<TPayload>
    where TPayload : Payload
{
    protected PayloadGraphType()
    {
        this.AllowAnonymous();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Business rules that refused the mutation; empty when it succeeded.")
            .Resolve(c => c.Source.UserErrors);
    }
}
