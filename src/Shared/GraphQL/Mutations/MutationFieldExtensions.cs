using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Mutations;

public static class MutationFieldExtensions
{
    /// <summary>
    /// Declares <c>verbNoun(input: VerbNounInput!): VerbNounPayload!</c> on the root Mutation type.
    /// Chain the authorization and then <see cref="MutationField.Resolve{TInput, TPayload}"/>:
    /// <code>
    /// mutation.Mutation&lt;CreateClubInputType, CreateClubPayloadType&gt;("createClub")
    ///     .AuthorizeWithRoles(Roles.Admin)
    ///     .Resolve&lt;CreateClubInput, CreateClubPayload&gt;(async (context, input) =&gt; ...);
    /// </code>
    /// </summary>
    public static MutationField Mutation<TInputType, TPayloadType>(this ObjectGraphType mutation, string name)
        where TInputType : IInputObjectGraphType
        where TPayloadType : IObjectGraphType
    {
        ArgumentNullException.ThrowIfNull(mutation);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var field = new FieldType
        {
            Name = name,
            Type = typeof(NonNullGraphType<TPayloadType>),
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<TInputType>> { Name = "input" }),
        };
        mutation.AddField(field);
        return new MutationField(field);
    }
}
