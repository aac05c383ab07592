using System.Collections.Concurrent;
using GraphQL;

namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// The root fields of one execution whose command committed (<see cref="CommandField{TInput, TPayload}"/>).
/// The host puts one into the execution's <c>UserContext</c> and reads it when the execution timeout
/// fires: an operation cancelled after a commit is answered <c>EXECUTION_TIMEOUT_AFTER_COMMIT</c>
/// naming the committed fields, not <c>EXECUTION_TIMEOUT</c> as if nothing happened (docs/adr/0006).
/// </summary>
public sealed class CommittedFields
{
    public const string Key = "certifytrack.committedFields";

    private readonly ConcurrentQueue<string> fields = new();

    /// <summary>The response names (aliases included) of the committed root fields, in commit order.</summary>
    public IReadOnlyList<string> Names => [.. fields];

    internal static void Record(IResolveFieldContext context)
    {
        if (context.UserContext.TryGetValue(Key, out var value) && value is CommittedFields committed)
        {
            committed.fields.Enqueue(context.FieldAst.Alias?.Name.StringValue ?? context.FieldAst.Name.StringValue);
        }
    }
}
