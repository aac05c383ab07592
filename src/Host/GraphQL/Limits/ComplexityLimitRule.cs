using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace CertifyTrack.Host.GraphQL.Limits;

/// <summary>
/// graphql-dotnet's complexity analyzer: each field costs 1, multiplied by the size of every
/// list above it: the list's (or its connection's) <c>first</c>/<c>last</c> argument, else
/// <see cref="GraphQLLimitsOptions.ListMultiplier"/>. Introspection is not weighed. Reports
/// <c>MAX_COMPLEXITY_EXCEEDED</c>; depth is <see cref="DocumentLimitsRule"/>'s job. It runs only
/// when the earlier rules found nothing, so a fragment bomb never reaches it.
/// </summary>
internal sealed class ComplexityLimitRule(GraphQLLimitsOptions limits) : ComplexityValidationRule(CreateOptions(limits))
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (totalComplexity > limits.MaxComplexity)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"The operation's complexity is {totalComplexity}; at most {limits.MaxComplexity} is allowed.")
            { Code = "MAX_COMPLEXITY_EXCEEDED" });
        }

        return default;
    }

    private static ComplexityOptions CreateOptions(GraphQLLimitsOptions limits)
    {
        var options = new ComplexityOptions { MaxComplexity = limits.MaxComplexity, DefaultListImpactMultiplier = limits.ListMultiplier };
        var standard = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context =>
            context.FieldDefinition.Name is "__schema" or "__type" ? new FieldComplexityResult(1, 0) : standard(context);
        return options;
    }
}
