using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;

namespace CertifyTrack.Host.GraphQL.Limits;

/// <summary>
/// Parses a query within the document budget of <see cref="GraphQLLimitsOptions"/>: its bytes
/// before parsing, its nesting while parsing (the parser stops at the limit, so a 300-deep list
/// literal is a request error, not a stack overflow), then its nodes, selections, fragments,
/// spreads, directives and aliases, all counted in one linear walk before any validation rule runs,
/// and the pairs of same-named fields that the overlap rule would compare (<see cref="OverlapBudget"/>).
/// Validation work grows faster than the document (overlapping fields are compared pairwise), so
/// bounding the document first is what bounds validation.
/// </summary>
internal static class DocumentBudget
{
    /// <summary>The parsed document and its number of syntax nodes, or the request error that refuses it.</summary>
    public static (GraphQLDocument? Document, ExecutionError? Error, int Nodes) Parse(string query, GraphQLLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = Encoding.UTF8.GetByteCount(query);
        if (bytes > limits.MaxDocumentBytes)
        {
            return (null, Refuse("MAX_DOCUMENT_BYTES_EXCEEDED", $"The document has {bytes} bytes; at most {limits.MaxDocumentBytes} are allowed."), 0);
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = limits.MaxNesting });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, Refuse("MAX_NESTING_EXCEEDED", $"The document nests deeper than {limits.MaxNesting} levels (selections, arguments, list and object values)."), 0);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return (null, new SyntaxError(ex), 0);
        }

        var (refusal, nodes) = Check(query, document, limits);
        return (document, refusal, nodes);
    }

    private static (ExecutionError?, int Nodes) Check(string query, GraphQLDocument document, GraphQLLimitsOptions limits)
    {
        var counts = new Counts();
        Counter.Instance.VisitAsync(document, counts).AsTask().GetAwaiter().GetResult(); // completes synchronously
        var refusal = counts switch
        {
            { Nodes: var n } when n > limits.MaxNodes => Refuse("MAX_NODES_EXCEEDED", $"The document has {n} syntax nodes; at most {limits.MaxNodes} are allowed."),
            { Selections: var n } when n > limits.MaxSelections => Refuse("MAX_SELECTIONS_EXCEEDED", $"The document has {n} selections; at most {limits.MaxSelections} are allowed."),
            { Fragments: var n } when n > limits.MaxFragments => Refuse("MAX_FRAGMENTS_EXCEEDED", $"The document defines {n} fragments; at most {limits.MaxFragments} are allowed."),
            { Spreads: var n } when n > limits.MaxFragmentSpreads => Refuse("MAX_FRAGMENT_SPREADS_EXCEEDED", $"The document has {n} fragment spreads; at most {limits.MaxFragmentSpreads} are allowed."),
            { Directives: var n } when n > limits.MaxDirectives => Refuse("MAX_DIRECTIVES_EXCEEDED", $"The document has {n} directives; at most {limits.MaxDirectives} are allowed."),
            { Aliases: var n } when n > limits.MaxAliases => Refuse("MAX_ALIASES_EXCEEDED", $"The document has more than {limits.MaxAliases} aliased fields."),
            _ => null,
        };
        if (refusal is null && OverlapBudget.CountPairs(query, document, counts.Sets) is var pairs && pairs > limits.MaxOverlappingFieldPairs)
        {
            refusal = Refuse("MAX_OVERLAPPING_FIELDS_EXCEEDED",
                $"The document has {pairs} pairs of same-named fields to compare (different arguments, selections or parent types, or repeated fields with selections); at most {limits.MaxOverlappingFieldPairs} are allowed.");
        }

        return (refusal, counts.Nodes);
    }

    private static ExecutionError Refuse(string code, string message) => new(message) { Code = code };

    private sealed class Counts : IASTVisitorContext
    {
        public int Nodes { get; set; }

        public int Selections { get; set; }

        public int Fragments { get; set; }

        public int Spreads { get; set; }

        public int Directives { get; set; }

        public int Aliases { get; set; }

        public List<GraphQLSelectionSet> Sets { get; } = [];

        public CancellationToken CancellationToken => CancellationToken.None;
    }

    /// <summary>Counts every node once; recursion is bounded by the parser's nesting limit.</summary>
    private sealed class Counter : ASTVisitor<Counts>
    {
        public static readonly Counter Instance = new();

        public override ValueTask VisitAsync(ASTNode? node, Counts context)
        {
            switch (node)
            {
                case null:
                    return default;
                case GraphQLField field:
                    context.Selections++;
                    context.Aliases += field.Alias is null ? 0 : 1;
                    break;
                case GraphQLInlineFragment:
                    context.Selections++;
                    break;
                case GraphQLFragmentSpread:
                    context.Selections++;
                    context.Spreads++;
                    break;
                case GraphQLFragmentDefinition:
                    context.Fragments++;
                    break;
                case GraphQLDirective:
                    context.Directives++;
                    break;
                case GraphQLSelectionSet set:
                    context.Sets.Add(set);
                    break;
            }

            context.Nodes++;
            return base.VisitAsync(node, context);
        }
    }
}
