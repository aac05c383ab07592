using CertifyTrack.Host.GraphQL;
using CertifyTrack.Host.GraphQL.Authorization;
using CertifyTrack.Host.GraphQL.InputChecks;
using CertifyTrack.Host.GraphQL.Limits;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Tests.Documents;

/// <summary>
/// The rules a cached document skips must read nothing but the schema and the document: graphql-dotnet's
/// spec rules are pre-visitors only, except the argument validators. An upgrade that adds a rule reading
/// variables (a variable or post visitor) fails here instead of being skipped for cached documents.
/// </summary>
public sealed class ValidationRuleSplitTests
{
    private static readonly GraphQLValidationRules Rules = new(Options.Create(new GraphQLOptions()), Options.Create(new GraphQLLimitsOptions()));

    [Fact]
    public void Every_static_rule_but_the_clock_only_visits_the_document_before_variables_are_read()
    {
        foreach (var rule in Rules.Static.Where(r => r is not ValidationTimeBudgetRule))
        {
            var type = rule.GetType();
            Assert.True(Overrides(type, nameof(IValidationRule.GetPreNodeVisitorAsync)), type.Name);
            Assert.False(Overrides(type, nameof(IValidationRule.GetVariableVisitorAsync)), type.Name);
            Assert.False(Overrides(type, nameof(IValidationRule.GetPostNodeVisitorAsync)), type.Name);
        }
    }

    [Fact]
    public void Every_rule_runs_for_a_cached_document_or_is_static_and_the_caller_dependent_ones_always_run()
    {
        Assert.All(Rules.All, r => Assert.True(Rules.Static.Contains(r) || Rules.PerRequest.Contains(r)));
        Assert.Equal(Rules.All.Count + 1, Rules.Static.Count + Rules.PerRequest.Count); // only the clock is in both
        Assert.Contains(Rules.PerRequest, r => r is AuthorizationValidationRule);
        Assert.Contains(Rules.PerRequest, r => r is InputValuesRule);
        Assert.Contains(Rules.PerRequest, r => r is DocumentLimitsRule);
        Assert.Contains(Rules.PerRequest, r => r is ComplexityLimitRule);
        Assert.Contains(Rules.PerRequest, r => r is ValidationTimeBudgetRule);
        Assert.Contains(Rules.PerRequest, GraphQLValidationRules.ReadsArgumentValues);
        Assert.DoesNotContain(Rules.Static, GraphQLValidationRules.ReadsArgumentValues);
    }

    /// <summary>Declared by the rule (or a base of its own), not left at <see cref="ValidationRuleBase"/>'s "no visitor".</summary>
    private static bool Overrides(Type type, string method) => type.GetMethod(method)!.DeclaringType != typeof(ValidationRuleBase);
}
