using System.Diagnostics;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.Limits;

/// <summary>
/// Validation under a time budget (<c>GraphQL:Limits:ValidationTimeout</c>): the first rule of
/// both of graphql-dotnet's validation passes looks at the clock on every node it enters and ends
/// validation with <c>VALIDATION_TIMEOUT</c> once the budget is spent (a request error, so 400).
/// The budget starts when <see cref="GraphQLExecutor"/> hands over the parsed document
/// (<see cref="StartKey"/> in the user context). A single rule step is never interrupted: the
/// document budget bounds what one step can cost.
/// </summary>
internal sealed class ValidationTimeBudgetRule(IOptions<GraphQLLimitsOptions> options) : ValidationRuleBase
{
    /// <summary>The <see cref="Stopwatch.GetTimestamp"/> at which validation began.</summary>
    public const string StartKey = "certifytrack:validationStart";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Watch(context));

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => new(Watch(context));

    private Clock Watch(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = context.UserContext.TryGetValue(StartKey, out var value) && value is long started ? started : Stopwatch.GetTimestamp();
        var clock = new Clock(start, options.Value.ValidationTimeout);
        clock.Check(context);
        return clock;
    }

    private sealed class Clock(long start, TimeSpan budget) : INodeVisitor
    {
        public void Check(ValidationContext context)
        {
            // Its own budget only: the execution timeout's token is not looked at here, so that a
            // slow validation (a cold start on a busy machine) never eats the operation's time.
            if (Stopwatch.GetElapsedTime(start) > budget)
            {
                throw new ValidationError($"Validating the document took longer than {budget.TotalSeconds:0.###} seconds.") { Code = "VALIDATION_TIMEOUT" };
            }
        }

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            Check(context);
            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
    }
}
