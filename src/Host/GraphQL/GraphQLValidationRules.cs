using CertifyTrack.Host.GraphQL.Authorization;
using CertifyTrack.Host.GraphQL.InputChecks;
using CertifyTrack.Host.GraphQL.Limits;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// The validation rules every request runs: the clock of the validation time budget first (it
/// looks at every node of both passes), the spec's, the input checks (list maxima, text), then the
/// limits (cheap structure first, weighted complexity second), then authorization. The document
/// budget was checked before any of them (<see cref="DocumentBudget"/>).
/// </summary>
internal sealed class GraphQLValidationRules(IOptions<GraphQLOptions> options, IOptions<GraphQLLimitsOptions> limits)
{
    public IReadOnlyList<IValidationRule> All { get; } =
    [
        new ValidationTimeBudgetRule(limits),
        .. DocumentValidator.CoreRules,
        new InputValuesRule(),
        new DocumentLimitsRule(limits),
        new ComplexityLimitRule(limits.Value),
        new AuthorizationValidationRule(options),
    ];
}
