using GraphQL;

namespace CertifyTrack.Host.GraphQL.RateLimiting;

/// <summary>
/// A refused operation (or batch): the whole seconds after which to try again, for the HTTP
/// <c>Retry-After</c> header and for <c>extensions.retryAfter</c> of the error, which is all a
/// WebSocket client gets.
/// </summary>
internal sealed record RateLimitRefusal(int RetryAfterSeconds)
{
    public const string Code = "RATE_LIMITED";

    public static RateLimitRefusal After(TimeSpan retryAfter) =>
        new((int)Math.Clamp(Math.Ceiling(retryAfter.TotalSeconds), 1, int.MaxValue));

    public ExecutionError ToError()
    {
        var error = new ExecutionError($"Too many GraphQL operations; retry after {RetryAfterSeconds} seconds.") { Code = Code };
        error.AddExtension("retryAfter", RetryAfterSeconds);
        return error;
    }
}
