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

    /// <summary>Most aliased fields in one document. <c>MAX_ALIASES_EXCEEDED</c>.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Longest time one operation may run before it is cancelled. <c>EXECUTION_TIMEOUT</c>.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Most resolvers of one operation running at once. Each connection field and DataLoader batch
    /// holds a pooled database connection while it runs, so this bounds the connections one request
    /// can take from the pool.
    /// </summary>
    public int MaxParallelExecution { get; set; } = 8;
}
