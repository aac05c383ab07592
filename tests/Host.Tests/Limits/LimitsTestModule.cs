using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.Tests.Limits;

/// <summary>Test-only lists, a connection and a field that never finishes, all public.</summary>
internal sealed class LimitsTestModule(LimitsTestModule.Probe probe) : IGraphQLModule
{
    public string Name => "LimitsTest";

    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<ListGraphType<ItemType>>("items").AllowAnonymous()
            .Argument<IntGraphType>("first")
            .Resolve(c => Items(c.GetArgument("first", 3)));
        query.Field<ItemConnectionType>("itemConnection").AllowAnonymous()
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("last")
            .Resolve(c => Items(c.GetArgument("first", 3)));
        query.Field<StringGraphType>("hang").AllowAnonymous().ResolveAsync(async c =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, c.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                probe.Cancelled.TrySetResult();
                throw;
            }

            return "never";
        });
    }

    private static string[] Items(int count) => [.. Enumerable.Range(1, count).Select(i => $"item {i}")];

    internal sealed class Probe
    {
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    internal sealed class ItemType : ObjectGraphType<string>
    {
        public ItemType()
        {
            Name = "TestItem";
            this.AllowAnonymous();
            Field<StringGraphType>("name").Resolve(c => c.Source);
            Field<ListGraphType<ItemType>>("children").Argument<IntGraphType>("first").Resolve(c => Items(c.GetArgument("first", 2)));
        }
    }

    internal sealed class ItemConnectionType : ObjectGraphType<string[]>
    {
        public ItemConnectionType()
        {
            Name = "TestItemConnection";
            this.AllowAnonymous();
            Field<ListGraphType<ItemEdgeType>>("edges").Resolve(c => c.Source);
            Field<ListGraphType<ItemType>>("nodes").Resolve(c => c.Source);
        }
    }

    internal sealed class ItemEdgeType : ObjectGraphType<string>
    {
        public ItemEdgeType()
        {
            Name = "TestItemEdge";
            this.AllowAnonymous();
            Field<ItemType>("node").Resolve(c => c.Source);
        }
    }
}
