using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// A mutation field being declared by <see cref="MutationFieldExtensions.Mutation{TInputType, TPayloadType}"/>:
/// mark who may call it, then give its resolver.
/// </summary>
public sealed class MutationField(FieldType field)
{
    public FieldType Field { get; } = field;

    public MutationField Description(string description)
    {
        Field.Description = description;
        return this;
    }

    /// <summary>Callers need one of these roles.</summary>
    public MutationField AuthorizeWithRoles(params string[] roles)
    {
        Field.AuthorizeWithRoles(roles);
        return this;
    }

    /// <summary>Callers must satisfy this ASP.NET Core authorization policy.</summary>
    public MutationField AuthorizeWithPolicy(string policy)
    {
        Field.AuthorizeWithPolicy(policy);
        return this;
    }

    /// <summary>Any signed-in caller.</summary>
    public MutationField Authorize()
    {
        Field.Authorize();
        return this;
    }

    /// <summary>Anyone, signed in or not (sign-up, public verification).</summary>
    public MutationField AllowAnonymous()
    {
        Field.AllowAnonymous();
        return this;
    }

    /// <summary>
    /// Declares the costly work the mutation does (password hashing, email, PDF rendering): the rate
    /// limits weigh it, and doing undeclared work fails (<see cref="ExpensiveFields"/>).
    /// </summary>
    public MutationField Expensive(params ExpensiveWork[] work)
    {
        Field.Expensive(work);
        return this;
    }

    /// <summary>
    /// Runs the command with the parsed input. Business rule failures are thrown as
    /// <see cref="UserErrorException"/> and answered as the payload's <c>userErrors</c>; any
    /// other exception is an unexpected fault, answered as a masked top-level error.
    /// </summary>
    public FieldType Resolve<TInput, TPayload>(Func<IResolveFieldContext, TInput, Task<TPayload>> resolve)
        where TPayload : Payload, new()
    {
        ArgumentNullException.ThrowIfNull(resolve);
        Field.Resolver = new FuncFieldResolver<object>(async context =>
        {
            try
            {
                return await resolve(context, context.GetArgument<TInput>("input")).ConfigureAwait(false);
            }
            catch (UserErrorException ex)
            {
                return new TPayload { UserErrors = ex.Errors };
            }
        });
        return Field;
    }
}
