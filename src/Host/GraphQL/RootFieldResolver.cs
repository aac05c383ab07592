using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// Wraps the resolver of a root query or mutation field so that it runs as that field
/// (<see cref="ExpensiveFields.RunAsRootFieldAsync"/>): the work it does is checked against what it declared.
/// </summary>
internal sealed class RootFieldResolver(FieldType field, IFieldResolver inner) : IFieldResolver
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
        ExpensiveFields.RunAsRootFieldAsync(field, () => inner.ResolveAsync(context));

    /// <summary>Wraps every field of <paramref name="root"/> that has a resolver.</summary>
    public static void WrapFieldsOf(IObjectGraphType? root)
    {
        foreach (var field in root?.Fields ?? [])
        {
            if (field.Resolver is { } resolver and not RootFieldResolver)
            {
                field.Resolver = new RootFieldResolver(field, resolver);
            }
        }
    }
}
