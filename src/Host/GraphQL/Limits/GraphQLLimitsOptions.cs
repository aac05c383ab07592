namespace CertifyTrack.Host.GraphQL.Limits;

/// <summary>Per-operation limits, bound from <c>GraphQL:Limits</c>. Each refusal has its own <c>extensions.code</c>.</summary>
internal sealed class GraphQLLimitsOptions
{
    public const string Section = "GraphQL:Limits";

    /// <summary>Deepest nesting of fields with selections (<c>{ a { b { c } } }</c> is 2); introspection does not count. <c>MAX_DEPTH_EXCEEDED</c>.</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>Largest weighted cost: one per field, times the list or connection size of every list above it. <c>MAX_COMPLEXITY_EXCEEDED</c>.</summary>
    public int MaxComplexity { get; set; } = 20_000;

    /// <summary>The size assumed for a list field without <c>first</c>/<c>last</c> (on it or on its connection).</summary>
    public double ListMultiplier { get; set; } = 10;

    /// <summary>Most aliased fields in one document, counted before validation. <c>MAX_ALIASES_EXCEEDED</c>.</summary>
    public int MaxAliases { get; set; } = 30;

    // The document budget (DocumentBudget): checked right after parsing, before any validation
    // rule, so that what validation costs is bounded by the document's size.

    /// <summary>Largest query text in UTF-8 bytes, checked before parsing. <c>MAX_DOCUMENT_BYTES_EXCEEDED</c>.</summary>
    public int MaxDocumentBytes { get; set; } = 64 * 1024;

    /// <summary>Deepest nesting of the parsed document (selections, arguments, list and object literals). <c>MAX_NESTING_EXCEEDED</c>.</summary>
    public int MaxNesting { get; set; } = 64;

    /// <summary>Most syntax nodes (names, fields, arguments, values, …) in the document. <c>MAX_NODES_EXCEEDED</c>.</summary>
    public int MaxNodes { get; set; } = 20_000;

    /// <summary>Most selections (fields, inline fragments, fragment spreads) written in the document. <c>MAX_SELECTIONS_EXCEEDED</c>.</summary>
    public int MaxSelections { get; set; } = 2_000;

    /// <summary>Most fragment definitions in the document. <c>MAX_FRAGMENTS_EXCEEDED</c>.</summary>
    public int MaxFragments { get; set; } = 200;

    /// <summary>Most fragment spreads written in the document. <c>MAX_FRAGMENT_SPREADS_EXCEEDED</c>.</summary>
    public int MaxFragmentSpreads { get; set; } = 500;

    /// <summary>Most directives (<c>@include</c>, <c>@skip</c>, …) written in the document. <c>MAX_DIRECTIVES_EXCEEDED</c>.</summary>
    public int MaxDirectives { get; set; } = 500;

    /// <summary>
    /// Most pairs of same-named fields the overlap rule must compare in the document's selection
    /// sets, through fragments: those with different text or parent type (they usually conflict,
    /// each conflict costs an error) and repeated ones with selection sets (<see cref="OverlapBudget"/>).
    /// <c>MAX_OVERLAPPING_FIELDS_EXCEEDED</c>.
    /// </summary>
    public int MaxOverlappingFieldPairs { get; set; } = 2_000;

    /// <summary>Longest time validation (the spec's rules, the limits, authorization) may take. <c>VALIDATION_TIMEOUT</c>.</summary>
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest time one operation may run before it is cancelled. <c>EXECUTION_TIMEOUT</c>.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Most resolvers of one operation running at once. Each connection field and DataLoader batch
    /// holds a pooled database connection while it runs, so this bounds the connections one request
    /// can take from the pool.
    /// </summary>
    public int MaxParallelExecution { get; set; } = 8;
}
