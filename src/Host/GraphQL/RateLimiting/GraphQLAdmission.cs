using System.Net;
using System.Security.Claims;
using GraphQL;
using GraphQLParser.AST;

namespace CertifyTrack.Host.GraphQL.RateLimiting;

/// <summary>A request refused before execution: the HTTP status, the one error, and the rate limit refusal if that was the reason.</summary>
internal sealed record AdmissionRefusal(int StatusCode, ExecutionError Error, RateLimitRefusal? RateLimit);

/// <summary>
/// Admits a request — an HTTP request with all its batch items, or one WebSocket <c>subscribe</c> — in
/// two steps (docs/adr/0010). Before its documents are parsed, one permit per operation, so that a flood
/// of large documents is limited before any is parsed. After parsing, the rest of what its operations
/// cost (<see cref="OperationCosts"/>) and the one-password-hash rule: a request selecting more than one
/// root field that hashes a password is refused (400, <see cref="TooManyPasswordHashes"/>) whatever the
/// limits. Each step takes all its permits or none; permits of the first step stay spent when the second
/// refuses.
/// </summary>
internal sealed class GraphQLAdmission(GraphQLRateLimiter limiter, OperationCosts costs)
{
    public const string TooManyPasswordHashes = "TOO_MANY_PASSWORD_HASHES";

    public RateLimitRefusal? TryAdmit(ClaimsPrincipal user, IPAddress? address, int operations) =>
        limiter.TryAcquire(user, address, operations);

    /// <summary>The second step, for operations admitted by <see cref="TryAdmit"/>; null when admitted.</summary>
    public AdmissionRefusal? TryAdmitParsed(
        ClaimsPrincipal user, IPAddress? address, IReadOnlyList<(GraphQLDocument? Document, string? OperationName)> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var priced = operations.Select(o => costs.Of(o.Document, o.OperationName)).ToList();
        var passwordFields = priced.SelectMany(c => c.PasswordFields).ToList();
        if (passwordFields.Count > 1)
        {
            var error = new ExecutionError(
                $"A request may select at most one field that hashes a password; this one selects {passwordFields.Count} "
                + $"({string.Join(", ", passwordFields)}). Send them one request at a time.") { Code = TooManyPasswordHashes };
            return new AdmissionRefusal(StatusCodes.Status400BadRequest, error, null);
        }

        var rest = priced.Sum(c => c.Permits) - priced.Count;
        return rest > 0 && limiter.TryAcquire(user, address, rest) is { } refusal
            ? new AdmissionRefusal(StatusCodes.Status429TooManyRequests, refusal.ToError(), refusal)
            : null;
    }
}
