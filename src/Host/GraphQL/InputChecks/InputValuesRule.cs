using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CertifyTrack.Host.GraphQL.InputChecks;

/// <summary>
/// Checks every argument value of the document, literal or variable (or a variable's default),
/// against what the schema declares, before execution: a list argument or list input field holds
/// at most its declared <c>MaxItems</c> (<c>TOO_MANY_ITEMS</c>), and no text anywhere in an input
/// holds control characters or unpaired surrogates (<c>INVALID_TEXT</c>, <see cref="TextHygiene"/>).
/// Each variable is walked once per position type, however often it is used. Runs in the first
/// validation pass, so the document budget already bounds the literals it walks.
/// </summary>
internal sealed class InputValuesRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var walker = new InputValueWalker(context);
        return new(new MatchingNodeVisitor<GraphQLArgument>((node, ctx) =>
        {
            if (ctx.TypeInfo.GetArgument() is { ResolvedType: { } type } argument)
            {
                walker.Walk(node, argument, type, OwnerOf(ctx));
            }
        }));
    }

    /// <summary>The field (<c>assignMentor</c>) or directive (<c>@include</c>) the argument belongs to.</summary>
    private static string OwnerOf(ValidationContext context) => context.TypeInfo.GetAncestor(2) switch
    {
        GraphQLDirective directive => "@" + directive.Name.StringValue,
        GraphQLField field => field.Name.StringValue,
        _ => "?",
    };
}
