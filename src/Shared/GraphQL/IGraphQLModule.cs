using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL;

/// <summary>
/// What a module gives the one shared schema. The host composes the root <c>Query</c>,
/// <c>Mutation</c> and <c>Subscription</c> types from every registered module; a root field
/// declared by two modules stops start-up.
/// </summary>
public interface IGraphQLModule
{
    /// <summary>The module's name, used in start-up errors.</summary>
    string Name { get; }

    /// <summary>Adds the module's fields to the root <c>Query</c>.</summary>
    void AddQueryFields(ObjectGraphType query)
    {
    }

    /// <summary>Adds the module's fields to the root <c>Mutation</c>.</summary>
    void AddMutationFields(ObjectGraphType mutation)
    {
    }

    /// <summary>Adds the module's fields to the root <c>Subscription</c>.</summary>
    void AddSubscriptionFields(ObjectGraphType subscription)
    {
    }
}
