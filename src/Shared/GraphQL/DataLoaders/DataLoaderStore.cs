using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;

namespace CertifyTrack.Shared.GraphQL.DataLoaders;

/// <summary>
/// The loaders of one GraphQL execution, keyed by the loader definition. Attached to the
/// execution's own context object rather than written into its <c>UserContext</c> (a plain
/// dictionary parallel resolvers would race on); collected with the execution.
/// </summary>
internal static class DataLoaderStore
{
    private static readonly ConditionalWeakTable<IExecutionContext, ConcurrentDictionary<object, object>> Executions = [];

    public static TBatcher GetOrAdd<TBatcher>(IResolveFieldContext context, object definition, Func<TBatcher> create)
        where TBatcher : class
    {
        var loaders = Executions.GetValue(context.ExecutionContext, static _ => new ConcurrentDictionary<object, object>());
        return (TBatcher)loaders.GetOrAdd(definition, _ => create());
    }
}
