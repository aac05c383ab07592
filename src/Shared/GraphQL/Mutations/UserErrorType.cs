using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary><c>type UserError { code: String!, message: String!, field: [String!] }</c></summary>
public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "A business rule that refused the mutation.";
        this.AllowAnonymous();
        Field<NonNullGraphType<StringGraphType>>("code").Description("A stable, machine-readable code.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Description("A sentence that may be shown to the user.").Resolve(c => c.Source.Message);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field")
            .Description("The path of the input field at fault, e.g. [\"input\", \"eventId\"]; null when no single field is.")
            .Resolve(c => c.Source.Field);
    }
}
