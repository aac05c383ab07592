using CertifyTrack.Shared.GraphQL.Errors;
using GraphQL;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>The validated <c>first/after/last/before</c> arguments of a connection field.</summary>
internal sealed record PageRequest(int Size, bool Backward, string? After, string? Before)
{
    public const int DefaultSize = 25;
    public const int MaxSize = 100;

    /// <summary>
    /// Reads the arguments. Without <c>first</c> and <c>last</c> a page holds 25 rows, read
    /// backwards when only <c>before</c> is given.
    /// </summary>
    public static PageRequest From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        if (first is not null && last is not null)
        {
            throw new ExecutionError("Give 'first' or 'last', not both.") { Code = PlatformErrorCodes.InvalidPagination };
        }

        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value < 0)
            {
                throw new ExecutionError($"'{name}' cannot be negative.") { Code = PlatformErrorCodes.InvalidPageSize };
            }

            if (value > MaxSize)
            {
                throw new ExecutionError($"'{name}' is {value}; a page holds at most {MaxSize} rows.") { Code = PlatformErrorCodes.PageSizeTooLarge };
            }
        }

        var backward = last is not null || (first is null && before is not null && after is null);
        return new PageRequest(first ?? last ?? DefaultSize, backward, after, before);
    }
}
