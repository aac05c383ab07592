using CertifyTrack.Host.GraphQL.Authorization;
using CertifyTrack.Host.GraphQL.InputChecks;
using CertifyTrack.Host.GraphQL.Limits;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// The validation rules every request runs: the clock of the validation time budget first (it
/// looks at every node of both passes), the spec's, the input checks (list maxima, text), then the
/// limits (cheap structure first, weighted complexity second), then authorization. The document
/// budget was checked before any of them (<see cref="DocumentBudget"/>).
/// The rules split in two (docs/adr/0006, "Cached documents"): <see cref="Static"/> read only the schema
/// and the document, so their answer for a cached document never changes and is remembered per
/// document; <see cref="PerRequest"/> read the caller, the variables or the clock and run on every request,
/// except that a document remembers their pass for a request without variables per caller kind
/// (<see cref="Documents.StaticValidation"/>, <see cref="Documents.CallerKey"/>).
/// </summary>
internal sealed class GraphQLValidationRules
{
    public GraphQLValidationRules(IOptions<GraphQLOptions> options, IOptions<GraphQLLimitsOptions> limits)
    {
        var clock = new ValidationTimeBudgetRule(limits);
        var spec = DocumentValidator.CoreRules;
        All =
        [
            clock,
            .. spec,
            new InputValuesRule(),
            new DocumentLimitsRule(limits),
            new ComplexityLimitRule(limits.Value),
            new AuthorizationValidationRule(options),
        ];
        Static = [clock, .. spec.Where(r => !ReadsArgumentValues(r))];
        PerRequest = [.. All.Where(r => r == clock || !Static.Contains(r))];
    }

    /// <summary>Every rule: for a document whose static rules have not passed (yet).</summary>
    public IReadOnlyList<IValidationRule> All { get; }

    /// <summary>The spec's rules that read only the schema and the document (all but the argument validators), under the clock.</summary>
    public IReadOnlyList<IValidationRule> Static { get; }

    /// <summary>
    /// What a document that passed <see cref="Static"/> still runs per request: the clock, the argument
    /// validators and input checks (variables), the depth and complexity limits (<c>@skip</c>/<c>@include</c>
    /// and <c>first</c>/<c>last</c> may be variables) and authorization (the caller, the introspection setting).
    /// </summary>
    public IReadOnlyList<IValidationRule> PerRequest { get; }

    /// <summary>
    /// graphql-dotnet's only spec rule that looks at argument values after variables are parsed; the
    /// others are pre-visitors of the document alone (ValidationRuleSplitTests holds that on upgrades).
    /// </summary>
    internal static bool ReadsArgumentValues(IValidationRule rule) => rule is FieldArgumentsAreValidRule;
}
