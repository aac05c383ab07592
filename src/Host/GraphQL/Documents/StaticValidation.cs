using System.Security.Claims;
using CertifyTrack.Host.GraphQL.Limits;
using GraphQL.Instrumentation;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CertifyTrack.Host.GraphQL.Documents;

/// <summary>
/// Runs a cached document's static rules (<see cref="GraphQLValidationRules.Static"/>) once and remembers
/// the answer on it, then tells which rules a request of it still runs: only the per-request ones once
/// it is known valid, all of them otherwise, so that an invalid document is answered exactly as before.
/// The static pass runs under the same validation time budget, counted from the same start, as the
/// request's own validation: together they never take longer than the budget allows.
/// A request without variables reads nothing but the document, its operation name and the caller, so once
/// one of a <see cref="CallerKey"/> passed the per-request rules, the next of that key runs none
/// (<see cref="ValidationPlan.Remember"/>): graphql-dotnet still parses its arguments for the executer.
/// </summary>
internal sealed class StaticValidation(IDocumentValidator validator, ISchema schema, GraphQLValidationRules rules)
{
    /// <summary>
    /// The operation the static pass names: none of the document's, so that no variable is parsed
    /// (variables belong to a request); the static rules walk the whole document whatever it names.
    /// </summary>
    private static readonly GraphQLOperationDefinition NoOperation = new(new GraphQLSelectionSet([]));

    public async ValueTask<ValidationPlan> PlanAsync(
        CachedDocument document, GraphQLRequest request, long validationStart, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (document.StaticValidity == StaticValidity.Unknown)
        {
            try
            {
                var result = await validator.ValidateAsync(new ValidationOptions
                {
                    Schema = schema,
                    Document = document.Document,
                    Rules = rules.Static,
                    Operation = NoOperation,
                    UserContext = new Dictionary<string, object?> { [ValidationTimeBudgetRule.StartKey] = validationStart },
                    Metrics = Metrics.None,
                    RequestServices = services,
                    User = user,
                    CancellationToken = cancellationToken,
                });
                document.StaticValidity = result.IsValid ? StaticValidity.Valid : StaticValidity.Invalid;
            }
            catch (Exception exception) when (exception is ValidationError or OperationCanceledException)
            {
                // The time budget ran out, or the client left: unknown still. The full rules that run next
                // report the timeout at once; the executer answers a cancelled request as it always did.
            }
        }

        if (document.StaticValidity != StaticValidity.Valid)
        {
            return new ValidationPlan(rules.All, null);
        }

        if (request.Variables is { Count: > 0 })
        {
            return new ValidationPlan(rules.PerRequest, null);
        }

        var key = CallerKey.Of(request.OperationName, user);
        return document.PassedFor(key) ? new ValidationPlan([], null) : new ValidationPlan(rules.PerRequest, key);
    }
}

/// <summary>
/// The rules a request runs, and the <see cref="CallerKey"/> under which the document remembers that they
/// passed (when the request executed and no field policy was evaluated), or null when it must not.
/// </summary>
internal sealed record ValidationPlan(IReadOnlyList<IValidationRule> Rules, string? Remember);
