using CertifyTrack.Host.GraphQL.Authorization;
using CertifyTrack.Host.GraphQL.Limits;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// The validation rules every request runs: the spec's, then the limits (cheap structure
/// first, weighted complexity second), then authorization.
/// </summary>
internal sealed class GraphQLValidationRules(IOptions<GraphQLOptions> options, IOptions<GraphQLLimitsOptions> limits)
{
    public IReadOnlyList<IValidationRule> All { get; } =
    [
        .. DocumentValidator.CoreRules,
        new DocumentLimitsRule(limits),
        new ComplexityLimitRule(limits.Value),
        new AuthorizationValidationRule(options),
    ];
}
